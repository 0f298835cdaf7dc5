using System.Buffers;
using ContactCenter.Asterisk.Ami;

namespace ContactCenter.Asterisk.Tests.Ami;

/// <summary>
/// Drives an <see cref="AmiFrameReader"/> the way a socket read loop does: chunks arrive, the unconsumed
/// tail is kept and presented again in front of the next chunk (as a multi-segment sequence).
/// </summary>
internal sealed class FrameFeeder
{
    private readonly AmiFrameReader _reader;
    private byte[] _pending = [];
    private AmiFrame _frame = new();

    public FrameFeeder(int maxFrameBytes = AmiFrameReader.DefaultMaxFrameBytes) => _reader = new AmiFrameReader(maxFrameBytes);

    public List<(AmiReadResult Result, AmiFrame Frame)> Frames { get; } = [];

    public void Feed(ReadOnlyMemory<byte> chunk)
    {
        var buffer = SegmentedSequence.Create(_pending, chunk);
        while (true)
        {
            var result = _reader.TryReadFrame(ref buffer, _frame);
            if (result == AmiReadResult.NeedMoreData)
            {
                break;
            }
            Frames.Add((result, _frame));
            _frame = new AmiFrame();
        }
        _pending = buffer.ToArray();
    }

    public static List<(AmiReadResult Result, AmiFrame Frame)> ReadAll(byte[] bytes, params int[] splitPoints)
    {
        var feeder = new FrameFeeder();
        var start = 0;
        foreach (var split in splitPoints.Append(bytes.Length))
        {
            feeder.Feed(bytes.AsMemory(start, split - start));
            start = split;
        }
        return feeder.Frames;
    }
}
