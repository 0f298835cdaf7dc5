using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ContactCenter.Asterisk.Ami;

public sealed partial class AmiFrameReader
{
    /// <summary>
    /// The fast path: takes the complete lines of one contiguous segment, starting at
    /// <paramref name="consumed"/>, until a frame completes or the segment ends in a partial line.
    /// It reads 64 bytes at a time into bitmasks of LF, ':' and CR positions and walks the LF bits, so a
    /// line costs a few bit operations instead of separate scans; the frame's bytes are copied once, when
    /// the frame completes or the segment ends. A CR not followed by LF only flags the frame; the exact
    /// line is found when the frame completes (<see cref="Complete"/>), which keeps the loop small enough
    /// for the JIT to hold its state in registers.
    /// </summary>
    private AmiReadResult ScanSegment(ReadOnlySpan<byte> s, ref int consumed, AmiFrame frame)
    {
        // Raw offset in the frame of byte i of s is i + delta (bytes before copyFrom are already in the frame).
        var copyFrom = consumed;
        var delta = frame.RawLength - copyFrom;
        var lineStart = consumed;
        var colon = -1;
        var loneCr = false;
        var fields = frame.FieldTable;
        var count = frame.FieldCount;
        ref var origin = ref MemoryMarshal.GetReference(s);

        for (var block = consumed; block < s.Length; block += 64)
        {
            var length = Math.Min(64, s.Length - block);
            ulong newlines, colons, crs;
            if (length == 64 && Vector512.IsHardwareAccelerated)
            {
                var bytes = Vector512.LoadUnsafe(ref origin, (nuint)block);
                newlines = Vector512.Equals(bytes, Vector512.Create((byte)'\n')).ExtractMostSignificantBits();
                colons = Vector512.Equals(bytes, Vector512.Create((byte)':')).ExtractMostSignificantBits();
                crs = Vector512.Equals(bytes, Vector512.Create((byte)'\r')).ExtractMostSignificantBits();
            }
            else if (length == 64 && Vector256.IsHardwareAccelerated)
            {
                var low = Vector256.LoadUnsafe(ref origin, (nuint)block);
                var high = Vector256.LoadUnsafe(ref origin, (nuint)block + 32);
                newlines = Mask(low, high, (byte)'\n');
                colons = Mask(low, high, (byte)':');
                crs = Mask(low, high, (byte)'\r');
            }
            else
            {
                newlines = colons = crs = 0;
                for (var i = 0; i < length; i++)
                {
                    var c = Unsafe.Add(ref origin, block + i);
                    newlines |= c == (byte)'\n' ? 1ul << i : 0;
                    colons |= c == (byte)':' ? 1ul << i : 0;
                    crs |= c == (byte)'\r' ? 1ul << i : 0;
                }
            }

            // A CR is syntax only right before an LF; the last byte's follower is in the next block.
            var lone = crs & ~(newlines >> 1);
            if (lone != 0 && (lone != 1ul << 63 || block + 64 >= s.Length || Unsafe.Add(ref origin, block + 64) != (byte)'\n'))
            {
                loneCr = true;
            }
            // The size limit is checked line by line only in a block that could cross it.
            var nearLimit = block + 64 + delta > _maxFrameBytes;

            while (newlines != 0)
            {
                var bit = BitOperations.TrailingZeroCount(newlines);
                newlines &= newlines - 1;
                var lineEnd = block + bit;
                if (colon < 0)
                {
                    // Colons of this line: below its LF and at or after its start (branch-free: whether
                    // the line began in this block or an earlier one varies line to line).
                    var candidates = colons & ((1ul << bit) - 1) & (~0ul << Math.Max(lineStart - block, 0));
                    colon = candidates != 0 ? block + BitOperations.TrailingZeroCount(candidates) : -1;
                }

                if (nearLimit && lineEnd + 1 + delta > _maxFrameBytes)
                {
                    ThrowIfTooLarge(frame, lineEnd + 1 + delta - frame.RawLength);
                }
                var end = lineEnd > lineStart && Unsafe.Add(ref origin, lineEnd - 1) == (byte)'\r' ? lineEnd - 1 : lineEnd;
                if (end == lineStart)
                {
                    frame.CommitFields(count);
                    if (frame.IsEmpty)
                    {
                        // A blank line between frames carries nothing.
                        copyFrom = lineStart = lineEnd + 1;
                        delta = frame.RawLength - copyFrom;
                        colon = -1;
                        continue;
                    }
                    frame.AppendRaw(s[copyFrom..(lineEnd + 1)]);
                    frame.SuspectLoneCr |= loneCr;
                    consumed = lineEnd + 1;
                    return Complete(frame);
                }

                if (colon <= lineStart)
                {
                    frame.CommitFields(count);
                    AddField(s, lineStart, end, colon < 0 ? -1 : 0, lineStart + delta, frame);
                    count = frame.FieldCount;
                }
                else
                {
                    // "Key: Value": one space after the colon is syntax, further spaces are value.
                    var valueStart = colon + 1;
                    valueStart += valueStart < end && Unsafe.Add(ref origin, valueStart) == (byte)' ' ? 1 : 0;
                    if ((uint)count >= (uint)fields.Length)
                    {
                        fields = frame.GrowFieldTable(count);
                    }
                    ref var field = ref fields[count++];
                    field.KeyStart = lineStart + delta;
                    field.KeyLength = colon - lineStart;
                    field.ValueStart = valueStart + delta;
                    field.ValueLength = end - valueStart;
                }
                lineStart = lineEnd + 1;
                colon = -1;
            }

            if (colon < 0 && lineStart < block + length)
            {
                var candidates = colons & (~0ul << Math.Max(lineStart - block, 0));
                colon = candidates != 0 ? block + BitOperations.TrailingZeroCount(candidates) : -1;
            }
        }

        frame.CommitFields(count);
        if (lineStart > copyFrom)
        {
            frame.AppendRaw(s[copyFrom..lineStart]);
            frame.SuspectLoneCr |= loneCr;
        }
        consumed = lineStart;
        return AmiReadResult.NeedMoreData;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(Vector256<byte> low, Vector256<byte> high, byte value)
    {
        var target = Vector256.Create(value);
        return Vector256.Equals(low, target).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, target).ExtractMostSignificantBits() << 32);
    }
}
