using System.Text;
using System.Text.Json;
using ContactCenter.Asterisk.Ari;

namespace ContactCenter.Asterisk.Tests.Ari;

/// <summary>Pure unit tests of the event parser on the real trace lines (no I/O).</summary>
[TestFixture]
public sealed class AriEventParserTests
{
    private static IEnumerable<TestCaseData> TraceLines() =>
        TraceFiles.Find("ari-*.jsonl").SelectMany(file => TraceFiles.ReadJsonLines(file)
            .Select((line, index) => new TestCaseData(line).SetArgDisplayNames($"{file}:{index + 1}")));

    [TestCaseSource(nameof(TraceLines))]
    public void Every_trace_line_parses_to_the_record_named_after_its_type(string line)
    {
        using var json = JsonDocument.Parse(line);
        var type = json.RootElement.GetProperty("type").GetString();

        var evt = AriEventParser.Parse(Encoding.UTF8.GetBytes(line), out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That(evt, Is.Not.Null.And.Not.TypeOf<UnknownAriEvent>());
            Assert.That(evt!.GetType().Name, Is.EqualTo(type));
            Assert.That(evt.Timestamp.Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void Channel_varset_is_recognised_although_type_is_not_the_first_property()
    {
        var line = TraceFiles.ReadJsonLines("ari-01-featurecode-login.jsonl").First(l => l.StartsWith("{\"variable\"", StringComparison.Ordinal));

        var evt = AriEventParser.Parse(Encoding.UTF8.GetBytes(line), out _);

        var varset = (ChannelVarset)evt!;
        Assert.Multiple(() =>
        {
            Assert.That(varset.Variable, Is.EqualTo("RTPAUDIOQOS"));
            Assert.That(varset.Value, Does.StartWith("ssrc=1795435529;"));
            Assert.That(varset.Channel!.Name, Is.EqualTo("PJSIP/6001-00000000"));
            Assert.That(varset.Timestamp, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 19, 23, 35, 29, TimeSpan.Zero)));
        });
    }

    [Test]
    public void Hangup_request_after_delete_has_cause_32_and_the_soft_flag()
    {
        var line = TraceFiles.ReadJsonLines("ari-01-featurecode-login.jsonl").Single(l => l.Contains("ChannelHangupRequest", StringComparison.Ordinal));

        var hangup = (ChannelHangupRequest)AriEventParser.Parse(Encoding.UTF8.GetBytes(line), out _)!;

        Assert.Multiple(() =>
        {
            Assert.That(hangup.Cause, Is.EqualTo(32));
            Assert.That(hangup.Soft, Is.True);
            Assert.That(hangup.Channel.Id, Is.EqualTo("1795289013.0"));
        });
    }

    [Test]
    public void A_global_varset_has_no_channel()
    {
        const string Json = """{"variable":"AGENTS_ONLINE","value":"3","type":"ChannelVarset","timestamp":"2026-11-21T19:23:35.029+0000","asterisk_id":"02:fc:00:00:00:01","application":"contactcenter"}""";

        var varset = (ChannelVarset)AriEventParser.Parse(Encoding.UTF8.GetBytes(Json), out _)!;

        Assert.That(varset.Channel, Is.Null);
    }

    [Test]
    public void Dtmf_and_channel_destroyed_carry_their_fields()
    {
        const string Dtmf = """{"type":"ChannelDtmfReceived","timestamp":"2026-11-21T19:23:34.000+0000","digit":"#","duration_ms":120,"channel":{"id":"1.0","name":"PJSIP/6001-00000000","state":"Up"},"application":"contactcenter"}""";
        const string Destroyed = """{"type":"ChannelDestroyed","timestamp":"2026-11-21T19:23:35.000+0000","cause":16,"cause_txt":"Normal Clearing","channel":{"id":"1.0","name":"PJSIP/6001-00000000","state":"Down"},"application":"contactcenter"}""";

        var dtmf = (ChannelDtmfReceived)AriEventParser.Parse(Encoding.UTF8.GetBytes(Dtmf), out _)!;
        var destroyed = (ChannelDestroyed)AriEventParser.Parse(Encoding.UTF8.GetBytes(Destroyed), out _)!;

        Assert.Multiple(() =>
        {
            Assert.That(dtmf.Digit, Is.EqualTo("#"));
            Assert.That(dtmf.DurationMs, Is.EqualTo(120));
            Assert.That(destroyed.Cause, Is.EqualTo(16));
            Assert.That(destroyed.CauseTxt, Is.EqualTo("Normal Clearing"));
            Assert.That(destroyed.Channel.State, Is.EqualTo("Down"));
        });
    }

    [Test]
    public void Stasis_start_keeps_its_args_and_a_replaced_channel()
    {
        const string Json = """{"type":"StasisStart","timestamp":"2026-11-21T19:23:33.264+0000","args":["queue","support"],"channel":{"id":"2.0"},"replace_channel":{"id":"1.0"},"application":"contactcenter"}""";

        var start = (StasisStart)AriEventParser.Parse(Encoding.UTF8.GetBytes(Json), out _)!;

        Assert.Multiple(() =>
        {
            Assert.That(start.Args, Is.EqualTo(new[] { "queue", "support" }));
            Assert.That(start.ReplaceChannel!.Id, Is.EqualTo("1.0"));
        });
    }

    [Test]
    public void An_unknown_type_is_kept_with_its_raw_json_and_common_fields()
    {
        const string Json = """{"application":"contactcenter","type":"ChannelTalkingStarted","timestamp":"2026-11-21T19:23:34.500+0000","channel":{"id":"1.0"},"asterisk_id":"02:fc:00:00:00:01"}""";

        var evt = AriEventParser.Parse(Encoding.UTF8.GetBytes(Json), out var problem);

        var unknown = (UnknownAriEvent)evt!;
        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That(unknown.Type, Is.EqualTo("ChannelTalkingStarted"));
            Assert.That(unknown.RawJson, Is.EqualTo(Json));
            Assert.That(unknown.Application, Is.EqualTo("contactcenter"));
            Assert.That(unknown.AsteriskId, Is.EqualTo("02:fc:00:00:00:01"));
        });
    }

    [TestCase("not json at all")]
    [TestCase("{\"type\":\"StasisStart\",")]
    [TestCase("[1,2,3]")]
    [TestCase("{\"no_type\":true}")]
    [TestCase("{\"type\":42}")]
    [TestCase("{\"type\":\"StasisEnd\"} trailing")]
    [TestCase("")]
    public void A_message_that_is_not_a_json_object_with_a_type_is_rejected_with_a_reason(string message)
    {
        var evt = AriEventParser.Parse(Encoding.UTF8.GetBytes(message), out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(evt, Is.Null);
            Assert.That(problem, Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public void A_nested_type_property_is_not_mistaken_for_the_event_type()
    {
        const string Json = """{"playback":{"type":"nested"},"type":"PlaybackStarted","timestamp":"2026-11-21T19:23:33.268+0000","application":"contactcenter"}""";

        var evt = AriEventParser.Parse(Encoding.UTF8.GetBytes(Json), out _);

        Assert.That(evt, Is.TypeOf<PlaybackStarted>());
    }

    [Test]
    public void A_known_type_with_the_wrong_shape_becomes_an_unknown_event_with_a_problem()
    {
        const string Json = """{"type":"PlaybackFinished","timestamp":"2026-11-21T19:23:33.268+0000","playback":"done"}""";

        var evt = AriEventParser.Parse(Encoding.UTF8.GetBytes(Json), out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(evt, Is.TypeOf<UnknownAriEvent>());
            Assert.That(((UnknownAriEvent)evt!).RawJson, Is.EqualTo(Json));
            Assert.That(problem, Does.Contain("PlaybackFinished"));
        });
    }
}
