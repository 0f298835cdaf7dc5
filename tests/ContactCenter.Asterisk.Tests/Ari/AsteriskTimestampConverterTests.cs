using ContactCenter.Asterisk.Ari;

namespace ContactCenter.Asterisk.Tests.Ari;

/// <summary>Pure unit tests of Asterisk's timestamp format (offset without a colon).</summary>
[TestFixture]
public sealed class AsteriskTimestampConverterTests
{
    [TestCase("2026-11-21T19:23:33.263+0000", "2026-11-21T19:23:33.2630000+00:00")]
    [TestCase("2026-11-21T20:23:33.263+0100", "2026-11-21T20:23:33.2630000+01:00")]
    [TestCase("2026-11-21T13:53:33.263-0530", "2026-11-21T13:53:33.2630000-05:30")]
    [TestCase("2026-11-21T19:23:33+0000", "2026-11-21T19:23:33.0000000+00:00")]
    [TestCase("2026-11-21T19:23:33.263+00:00", "2026-11-21T19:23:33.2630000+00:00")]
    [TestCase("2026-11-21T19:23:33.263Z", "2026-11-21T19:23:33.2630000+00:00")]
    public void Asterisk_timestamps_parse_with_their_offset(string text, string expectedRoundTrip)
    {
        Assert.That(AsteriskTimestampConverter.TryParse(text, out var value), Is.True);
        Assert.That(value.ToString("O"), Is.EqualTo(expectedRoundTrip));
    }

    [TestCase("")]
    [TestCase("yesterday")]
    [TestCase("2026-11-21 19:15:21 UTC")]
    public void Other_text_is_not_a_timestamp(string text) =>
        Assert.That(AsteriskTimestampConverter.TryParse(text, out _), Is.False);

    [Test]
    public void Formatting_writes_asterisks_form_back()
    {
        var value = new DateTimeOffset(2026, 11, 21, 13, 53, 33, 263, TimeSpan.FromMinutes(-330));

        Assert.That(AsteriskTimestampConverter.Format(value), Is.EqualTo("2026-11-21T13:53:33.263-0530"));
    }
}
