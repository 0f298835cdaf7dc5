using System.Buffers;
using System.Text;
using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Connector.Calls;
using ContactCenter.Contracts;

namespace ContactCenter.Connector.Tests.Calls;

/// <summary>
/// Replays a real trace through a <see cref="CallTracker"/>, optionally with one extra frame inserted before
/// the first event that matches: for events the captures do not contain, written with the fields Asterisk 22
/// documents (lines separated by LF here, sent as CRLF).
/// </summary>
internal static class TrackerReplay
{
    public static List<IContactCenterEvent> Run(string trace, string? insertedFrame = null, Func<AmiEvent, bool>? before = null)
    {
        var decoder = new AmiEventDecoder(["MIXMONITOR_FILENAME", "QUEUESTATUS"]);
        var events = TraceReplay.Events(trace, decoder).ToList();
        if (insertedFrame is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(insertedFrame.ReplaceLineEndings("\r\n") + "\r\n");
            var buffer = new ReadOnlySequence<byte>(bytes);
            var frame = new AmiFrame();
            Assert.That(new AmiFrameReader().TryReadFrame(ref buffer, frame), Is.Not.EqualTo(AmiReadResult.NeedMoreData), "the inserted frame is complete");
            var inserted = decoder.Decode(frame) ?? throw new AssertionException("the decoder does not read the inserted frame");
            var at = events.FindIndex(e => before!(e));
            Assert.That(at, Is.GreaterThanOrEqualTo(0), "the trace has the event to insert before");
            events.Insert(at, inserted);
        }
        var tracker = new CallTracker("pbx1", ["PJSIP/trunk"], "**", new ManualTimeProvider());
        var output = new List<IContactCenterEvent>();
        foreach (var e in events)
        {
            tracker.Apply(e, output);
        }
        return output;
    }
}
