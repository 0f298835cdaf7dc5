using System.Buffers;
using System.Text;

namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// Reads AMI frames out of a byte stream: <c>ReadOnlySequence&lt;byte&gt;</c> in, frames out.
/// Lines end with CRLF or a bare LF; a blank line ends a frame. The reader is incremental: complete
/// lines are taken into the frame as soon as they arrive and the bytes of a partial line already
/// searched are remembered, so feeding a frame one byte at a time costs the same as feeding it whole
/// (a rescan-from-the-start parser is quadratic on hostile input). Lines inside one buffer segment go
/// through a vectorized scanner (<see cref="ScanSegment"/>); a line split across segments, or the rest of
/// a line begun in an earlier read, goes through <see cref="AcceptLine"/>. One reader per connection.
/// </summary>
public sealed partial class AmiFrameReader
{
    /// <summary>Default hard limit for one frame: 1 MiB.</summary>
    public const int DefaultMaxFrameBytes = 1024 * 1024;

    private readonly int _maxFrameBytes;
    private byte[] _scratch = new byte[256];

    // Bytes at the start of the unconsumed input known to hold no LF (a partial line).
    private long _scanned;

    public AmiFrameReader(int maxFrameBytes = DefaultMaxFrameBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 64);
        _maxFrameBytes = maxFrameBytes;
    }

    public int MaxFrameBytes => _maxFrameBytes;

    /// <summary>
    /// Reads at most one frame into <paramref name="frame"/> and slices what it consumed off
    /// <paramref name="buffer"/>. Pass the same frame object until it is returned complete; a completed
    /// frame passed again is reset and reused. The unconsumed remainder must be given back, followed by
    /// new bytes, on the next call.
    /// </summary>
    /// <exception cref="AmiProtocolException">The frame grew past the maximum frame size.</exception>
    public AmiReadResult TryReadFrame(ref ReadOnlySequence<byte> buffer, AmiFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.IsComplete)
        {
            frame.Reset();
        }

        while (true)
        {
            var first = buffer.FirstSpan;
            if (_scanned > 0 || first.IsEmpty)
            {
                // Finish the line that an earlier call left partial (or that starts in a later segment).
                var line = TakeLineAcrossSegments(ref buffer, frame);
                if (line is null)
                {
                    return AmiReadResult.NeedMoreData;
                }
                if (line.Value != AmiReadResult.NeedMoreData)
                {
                    return line.Value;
                }
                continue;
            }

            var consumed = 0;
            var result = ScanSegment(first, ref consumed, frame);
            if (result != AmiReadResult.NeedMoreData)
            {
                buffer = buffer.Slice(consumed);
                return result;
            }

            // The rest of the first segment is a partial line.
            buffer = buffer.Slice(consumed);
            _scanned = first.Length - consumed;
            ThrowIfTooLarge(frame, _scanned);
            if (buffer.IsSingleSegment)
            {
                return AmiReadResult.NeedMoreData;
            }
        }
    }

    /// <summary>
    /// Reads the one-line banner Asterisk sends on connect (<c>Asterisk Call Manager/11.0.0</c>). The
    /// banner is not followed by a blank line.
    /// </summary>
    public static bool TryReadBanner(ref ReadOnlySequence<byte> buffer, int maxLength, out string banner)
    {
        var position = buffer.PositionOf((byte)'\n');
        if (position is null)
        {
            if (buffer.Length > maxLength)
            {
                throw new AmiProtocolException($"No AMI banner within the first {maxLength} bytes: this is not an Asterisk Manager Interface port.");
            }
            banner = string.Empty;
            return false;
        }
        var line = buffer.Slice(0, position.Value);
        banner = Encoding.UTF8.GetString(line).TrimEnd('\r');
        buffer = buffer.Slice(buffer.GetPosition(1, position.Value));
        return true;
    }

    /// <summary>
    /// Finds the end of the line at the start of <paramref name="buffer"/>, skipping the bytes already
    /// searched, and accepts it. Null when the line is still incomplete.
    /// </summary>
    private AmiReadResult? TakeLineAcrossSegments(ref ReadOnlySequence<byte> buffer, AmiFrame frame)
    {
        var unscanned = buffer.Slice(Math.Min(_scanned, buffer.Length));
        var position = unscanned.PositionOf((byte)'\n');
        if (position is null)
        {
            _scanned = buffer.Length;
            ThrowIfTooLarge(frame, buffer.Length);
            return null;
        }
        _scanned = 0;
        var lineSequence = buffer.Slice(0, buffer.GetPosition(1, position.Value));
        var length = checked((int)lineSequence.Length);
        ThrowIfTooLarge(frame, length);
        if (_scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
        }
        lineSequence.CopyTo(_scratch);
        buffer = buffer.Slice(lineSequence.End);
        return AcceptLine(_scratch.AsSpan(0, length), frame);
    }

    /// <summary>Takes one complete line (terminator included) into the frame: the scalar path.</summary>
    private static AmiReadResult AcceptLine(ReadOnlySpan<byte> raw, AmiFrame frame)
    {
        var end = raw.Length - 1;
        var crlf = end > 0 && raw[end - 1] == (byte)'\r';
        if (crlf)
        {
            end--;
        }
        if (end == 0)
        {
            if (frame.IsEmpty)
            {
                return AmiReadResult.NeedMoreData;
            }
            frame.AppendRaw(raw);
            return Complete(frame);
        }
        var offset = frame.RawLength;
        frame.AppendRaw(raw);
        frame.SuspectLoneCr |= raw[..end].Contains((byte)'\r');
        AddField(raw, 0, end, raw[..end].IndexOf((byte)':'), offset, frame);
        return AmiReadResult.NeedMoreData;
    }

    /// <summary>Records the line <c>source[start..end)</c> (terminator excluded) as a field, or marks the frame malformed.</summary>
    private static void AddField(ReadOnlySpan<byte> source, int start, int end, int colon, int rawOffset, AmiFrame frame)
    {
        if (colon <= 0)
        {
            MarkMissingColon(source[start..end], colon, frame);
            return;
        }
        // "Key: Value": one space after the colon is syntax. Leading spaces beyond it belong to the
        // value (RTPAUDIOQOSLOSS values start with spaces).
        var line = source[start..end];
        var valueStart = colon + 1;
        if (valueStart < line.Length && line[valueStart] == (byte)' ')
        {
            valueStart++;
        }
        frame.AddField(rawOffset, colon, rawOffset + valueStart, line.Length - valueStart);
    }

    private static void MarkMissingColon(ReadOnlySpan<byte> line, int colon, AmiFrame frame) =>
        frame.MarkMalformed(colon == 0 ? "a line with an empty key" : "a line without a colon (expected 'Key: Value')", line);

    /// <summary>Completes a frame whose blank line was just taken, finding the line of a suspected lone CR.</summary>
    private static AmiReadResult Complete(AmiFrame frame)
    {
        var raw = frame.RawBytes;
        if (frame.SuspectLoneCr)
        {
            MarkLoneCr(frame, raw);
        }
        frame.Complete(raw.Length);
        return frame.MalformedReason is null ? AmiReadResult.Frame : AmiReadResult.MalformedFrame;
    }

    private static void MarkLoneCr(AmiFrame frame, ReadOnlySpan<byte> raw)
    {
        foreach (var range in raw.Split((byte)'\n'))
        {
            var line = raw[range];
            var body = line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
            if (body.Contains((byte)'\r'))
            {
                frame.MarkMalformed("a lone CR inside a line (AMI lines end with CRLF or LF)", body);
                return;
            }
        }
    }

    private void ThrowIfTooLarge(AmiFrame frame, long pendingBytes)
    {
        var total = frame.RawLength + pendingBytes;
        if (total > _maxFrameBytes)
        {
            _scanned = 0;
            throw new AmiProtocolException(
                $"AMI frame exceeds the maximum frame size of {_maxFrameBytes} bytes ({total} bytes without a blank line); the connection must be re-established.");
        }
    }
}
