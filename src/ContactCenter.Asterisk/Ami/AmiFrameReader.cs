using System.Buffers;
using System.Text;

namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// Reads AMI frames out of a byte stream: <c>ReadOnlySequence&lt;byte&gt;</c> in, frames out.
/// Lines end with CRLF or a bare LF; a blank line ends a frame. The reader is incremental: complete
/// lines are moved into the frame as soon as they arrive and the bytes of a partial line already
/// searched are remembered, so feeding a frame one byte at a time costs the same as feeding it whole
/// (a rescan-from-the-start parser is quadratic on hostile input). One reader per connection.
/// </summary>
public sealed class AmiFrameReader
{
    /// <summary>Default hard limit for one frame: 1 MiB.</summary>
    public const int DefaultMaxFrameBytes = 1024 * 1024;

    private readonly int _maxFrameBytes;
    private byte[] _scratch = new byte[256];

    // Bytes of the current frame already moved into the frame object (terminators included).
    private int _frameBytes;

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
            // Fast path: every line that lies entirely inside the first segment.
            var first = buffer.FirstSpan;
            var consumed = 0;
            while (true)
            {
                var searchFrom = consumed + (int)_scanned;
                if (searchFrom > first.Length)
                {
                    break;
                }
                var newline = first[searchFrom..].IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }
                _scanned = 0;
                var lineEnd = searchFrom + newline;
                var line = first[consumed..lineEnd];
                var wire = lineEnd - consumed + 1;
                consumed = lineEnd + 1;
                var result = AcceptLine(line, wire, frame);
                if (result != AmiReadResult.NeedMoreData)
                {
                    buffer = buffer.Slice(consumed);
                    return result;
                }
            }

            var rest = first.Length - consumed;
            if (buffer.IsSingleSegment)
            {
                buffer = buffer.Slice(consumed);
                _scanned = rest;
                ThrowIfTooLarge(rest);
                return AmiReadResult.NeedMoreData;
            }

            // The next line crosses a segment boundary.
            buffer = buffer.Slice(consumed);
            var unscanned = buffer.Slice(Math.Max(_scanned, rest));
            var position = unscanned.PositionOf((byte)'\n');
            if (position is null)
            {
                _scanned = buffer.Length;
                ThrowIfTooLarge(buffer.Length);
                return AmiReadResult.NeedMoreData;
            }

            _scanned = 0;
            var lineSequence = buffer.Slice(0, position.Value);
            var lineLength = checked((int)lineSequence.Length);
            ThrowIfTooLarge(lineLength + 1L);
            if (_scratch.Length < lineLength)
            {
                _scratch = new byte[Math.Max(lineLength, _scratch.Length * 2)];
            }
            lineSequence.CopyTo(_scratch);
            buffer = buffer.Slice(buffer.GetPosition(1, position.Value));
            var crossing = AcceptLine(_scratch.AsSpan(0, lineLength), lineLength + 1, frame);
            if (crossing != AmiReadResult.NeedMoreData)
            {
                return crossing;
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

    private AmiReadResult AcceptLine(ReadOnlySpan<byte> line, int wireLength, AmiFrame frame)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.IsEmpty)
        {
            if (frame.IsEmpty)
            {
                // Blank lines between frames carry nothing.
                _frameBytes = 0;
                return AmiReadResult.NeedMoreData;
            }
            var total = _frameBytes + wireLength;
            _frameBytes = 0;
            frame.Complete(total);
            frame.ReceivedTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
            return frame.MalformedReason is null ? AmiReadResult.Frame : AmiReadResult.MalformedFrame;
        }

        ThrowIfTooLarge(wireLength);
        _frameBytes += wireLength;

        if (line.Contains((byte)'\r'))
        {
            frame.MarkMalformed("a lone CR inside a line (AMI lines end with CRLF or LF)", line);
            return AmiReadResult.NeedMoreData;
        }
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            frame.MarkMalformed(colon == 0 ? "a line with an empty key" : "a line without a colon (expected 'Key: Value')", line);
            return AmiReadResult.NeedMoreData;
        }
        frame.AddField(line, colon);
        return AmiReadResult.NeedMoreData;
    }

    private void ThrowIfTooLarge(long pendingBytes)
    {
        if (_frameBytes + pendingBytes > _maxFrameBytes)
        {
            var seen = _frameBytes + pendingBytes;
            _frameBytes = 0;
            _scanned = 0;
            throw new AmiProtocolException(
                $"AMI frame exceeds the maximum frame size of {_maxFrameBytes} bytes ({seen} bytes without a blank line); the connection must be re-established.");
        }
    }
}
