using System.Text;

namespace ContactCenter.PbxSimulator.Tests.Fidelity;

/// <summary>The fidelity comparison must be able to fail: each kind of difference is caught.</summary>
[TestFixture]
public sealed class FrameComparerTests
{
    private static List<Asterisk.Ami.AmiFrame> Frames(string text) =>
        AmiFrames.Parse(Encoding.ASCII.GetBytes("Asterisk Call Manager/11.0.0\r\n" + text)).Frames;

    private const string Trace =
        "Event: Newchannel\r\nChannel: PJSIP/6001-00000000\r\nUniqueid: 1795289013.0\r\nLinkedid: 1795289013.0\r\n\r\n" +
        "Event: Hangup\r\nChannel: PJSIP/6001-00000000\r\nUniqueid: 1795289013.0\r\nCause: 16\r\n\r\n";

    [Test]
    public void Renamed_ids_with_the_same_relations_match() =>
        Assert.That(new FrameComparer().Compare(Frames(Trace), Frames(Trace.Replace("1795289013.0", "1800000000.7").Replace("00000000", "00000007"))), Is.Empty);

    [Test]
    public void A_broken_relation_between_ids_is_reported() =>
        Assert.That(new FrameComparer().Compare(Frames(Trace), Frames(Trace.Replace("Linkedid: 1795289013.0", "Linkedid: 1795289013.9"))), Is.Not.Empty);

    [Test]
    public void A_different_value_is_reported() =>
        Assert.That(new FrameComparer().Compare(Frames(Trace), Frames(Trace.Replace("Cause: 16", "Cause: 17"))), Has.Some.Contains("Cause"));

    [Test]
    public void Fields_in_another_order_are_reported() =>
        Assert.That(new FrameComparer().Compare(Frames(Trace), Frames(Trace.Replace("Uniqueid: 1795289013.0\r\nCause: 16", "Cause: 16\r\nUniqueid: 1795289013.0"))), Has.Some.Contains("fields differ"));

    [Test]
    public void A_missing_or_reordered_frame_is_reported()
    {
        var swapped = Trace.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(new FrameComparer().Compare(Frames(Trace), Frames(swapped[1] + "\r\n\r\n" + swapped[0] + "\r\n\r\n")), Has.Some.Contains("sequence"));
        Assert.That(new FrameComparer().Compare(Frames(Trace), Frames(swapped[0] + "\r\n\r\n")), Has.Some.Contains("sequence"));
    }
}
