using System.Buffers;
using ContactCenter.Asterisk.Ami;

namespace ContactCenter.PbxSimulator.Tests.Fidelity;

/// <summary>Splits an AMI byte stream (banner line, then frames) with the product's own frame reader.</summary>
internal static class AmiFrames
{
    public static (string Banner, List<AmiFrame> Frames) Parse(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        AmiFrameReader.TryReadBanner(ref buffer, 1024, out var banner);
        var reader = new AmiFrameReader();
        var frames = new List<AmiFrame>();
        var frame = new AmiFrame();
        while (reader.TryReadFrame(ref buffer, frame) != AmiReadResult.NeedMoreData)
        {
            frames.Add(frame);
            frame = new AmiFrame();
        }
        return (banner, frames);
    }

    /// <summary>The frame's name for sequence comparisons: <c>Event:X</c> or <c>Response:Y</c>.</summary>
    public static string Name(AmiFrame f) => f.EventNameString is { } e ? "Event:" + e : "Response:" + f.Get("Response");

    /// <summary>Frames a SIP phone and RTP make that the product never reads: security events and RTCP reports.</summary>
    public static bool IsNoise(AmiFrame f) =>
        (f.Get("Privilege")?.StartsWith("security", StringComparison.Ordinal) ?? false)
        || f.EventNameString is "RTCPReceived" or "RTCPSent";
}
