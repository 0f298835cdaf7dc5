using System.Buffers;
using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ami.Events;

namespace ContactCenter.Testing;

/// <summary>Reads a real AMI trace into frames and typed events, as the connector would receive them.</summary>
public static class TraceReplay
{
    /// <summary>Every frame after the banner, with stream sequence numbers 1, 2, 3… as the client assigns them.</summary>
    public static IReadOnlyList<AmiFrame> Frames(string amiTrace)
    {
        var bytes = TraceFiles.ReadBytes(amiTrace);
        var buffer = new ReadOnlySequence<byte>(bytes, Array.IndexOf(bytes, (byte)'\n') + 1, bytes.Length - Array.IndexOf(bytes, (byte)'\n') - 1);
        var reader = new AmiFrameReader();
        var frames = new List<AmiFrame>();
        var frame = new AmiFrame();
        while (reader.TryReadFrame(ref buffer, frame) != AmiReadResult.NeedMoreData)
        {
            frames.Add(frame);
            frame = new AmiFrame();
        }
        for (var i = 0; i < frames.Count; i++)
        {
            frames[i].Sequence = i + 1;
        }
        return frames;
    }

    /// <summary>The events of the trace the connector decodes, in order.</summary>
    public static IReadOnlyList<AmiEvent> Events(string amiTrace, AmiEventDecoder? decoder = null)
    {
        decoder ??= new AmiEventDecoder(["MIXMONITOR_FILENAME", "QUEUESTATUS"]);
        return Frames(amiTrace).Where(f => f.Kind == AmiFrameKind.Event).Select(decoder.Decode).OfType<AmiEvent>().ToList();
    }
}
