using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ContactCenter.Asterisk.Ami;

public sealed partial class AmiFrameReader
{
    /// <summary>
    /// The fast path: takes the complete lines of one contiguous segment, starting at
    /// <paramref name="consumed"/>, until a frame completes or the segment ends in a partial line.
    /// It reads 64 bytes at a time into bitmasks of LF and ':' positions and walks the set bits, so a
    /// line costs a few bit operations instead of three separate scans; the frame's bytes are copied
    /// once, when the frame completes or the segment ends. Lone CRs are caught per frame, by counting
    /// CRs against the lines that ended in CRLF (<see cref="Complete"/>).
    /// </summary>
    private AmiReadResult ScanSegment(ReadOnlySpan<byte> s, ref int consumed, AmiFrame frame)
    {
        var copyFrom = consumed;
        var rawBase = frame.RawLength;
        var lineStart = consumed;
        var colon = -1;
        var crLines = 0;
        ref var origin = ref MemoryMarshal.GetReference(s);

        for (var block = consumed; block < s.Length; block += 64)
        {
            var length = Math.Min(64, s.Length - block);
            ulong newlines, colons;
            if (length == 64 && Vector512.IsHardwareAccelerated)
            {
                var bytes = Vector512.LoadUnsafe(ref origin, (nuint)block);
                newlines = Vector512.Equals(bytes, Vector512.Create((byte)'\n')).ExtractMostSignificantBits();
                colons = Vector512.Equals(bytes, Vector512.Create((byte)':')).ExtractMostSignificantBits();
            }
            else if (length == 64 && Vector256.IsHardwareAccelerated)
            {
                var low = Vector256.LoadUnsafe(ref origin, (nuint)block);
                var high = Vector256.LoadUnsafe(ref origin, (nuint)block + 32);
                var lf = Vector256.Create((byte)'\n');
                var colon32 = Vector256.Create((byte)':');
                newlines = Vector256.Equals(low, lf).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, lf).ExtractMostSignificantBits() << 32);
                colons = Vector256.Equals(low, colon32).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, colon32).ExtractMostSignificantBits() << 32);
            }
            else
            {
                newlines = colons = 0;
                for (var i = 0; i < length; i++)
                {
                    var c = s[block + i];
                    newlines |= c == (byte)'\n' ? 1ul << i : 0;
                    colons |= c == (byte)':' ? 1ul << i : 0;
                }
            }

            while (newlines != 0)
            {
                var bit = BitOperations.TrailingZeroCount(newlines);
                newlines &= newlines - 1;
                var lineEnd = block + bit;
                if (colon < 0)
                {
                    var candidates = colons & ((1ul << bit) - 1);
                    if (lineStart > block)
                    {
                        candidates &= ~0ul << (lineStart - block);
                    }
                    if (candidates != 0)
                    {
                        colon = block + BitOperations.TrailingZeroCount(candidates);
                    }
                }

                var end = lineEnd;
                var crlf = end > lineStart && s[end - 1] == (byte)'\r';
                if (crlf)
                {
                    end--;
                }
                var rawLength = rawBase + (lineEnd + 1 - copyFrom);
                if (rawLength > _maxFrameBytes)
                {
                    ThrowIfTooLarge(frame, rawLength - frame.RawLength);
                }

                if (end == lineStart)
                {
                    if (frame.IsEmpty)
                    {
                        // A blank line between frames carries nothing.
                        copyFrom = lineStart = lineEnd + 1;
                        colon = -1;
                        continue;
                    }
                    frame.AppendRaw(s[copyFrom..(lineEnd + 1)]);
                    frame.CrLines += crLines + (crlf ? 1 : 0);
                    consumed = lineEnd + 1;
                    return Complete(frame);
                }

                crLines += crlf ? 1 : 0;
                AddField(s, lineStart, end, colon < 0 ? -1 : colon - lineStart, rawBase + (lineStart - copyFrom), frame);
                lineStart = lineEnd + 1;
                colon = -1;
            }

            if (colon < 0 && lineStart < block + length)
            {
                var candidates = colons;
                if (lineStart > block)
                {
                    candidates &= ~0ul << (lineStart - block);
                }
                if (candidates != 0)
                {
                    colon = block + BitOperations.TrailingZeroCount(candidates);
                }
            }
        }

        if (lineStart > copyFrom)
        {
            frame.AppendRaw(s[copyFrom..lineStart]);
        }
        frame.CrLines += crLines;
        consumed = lineStart;
        return AmiReadResult.NeedMoreData;
    }
}
