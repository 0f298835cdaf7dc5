using System.Buffers;

namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// Accumulates the frames of one WebSocket message in a pooled array that the socket receives into
/// directly (no copy per frame). Grows by doubling; after an unusually large message it goes back to
/// its initial size so one big event does not pin a large array for the life of the connection.
/// </summary>
internal sealed class PooledMessageBuffer : IDisposable
{
    private const int ShrinkAboveBytes = 1024 * 1024;

    private readonly int _initialSize;
    private readonly int _maxLength;
    private byte[] _buffer;
    private int _length;

    /// <param name="initialSize">Bytes rented up front.</param>
    /// <param name="maxLength">Never hands out space beyond this length, so a message over the cap is noticed early.</param>
    public PooledMessageBuffer(int initialSize, int maxLength)
    {
        _initialSize = initialSize;
        _maxLength = maxLength;
        _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    }

    public int Length => _length;

    public int Capacity => _buffer.Length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>
    /// Free space after what was written: at least <paramref name="sizeHint"/> bytes, or up to the
    /// maximum length when less remains before it.
    /// </summary>
    public Memory<byte> GetMemory(int sizeHint)
    {
        sizeHint = Math.Min(sizeHint, _maxLength - _length);
        if (sizeHint <= 0)
        {
            throw new InvalidOperationException($"The buffer is at its maximum length ({_maxLength} bytes).");
        }
        if (_buffer.Length - _length < sizeHint)
        {
            Grow(sizeHint);
        }
        return _buffer.AsMemory(_length, Math.Min(_buffer.Length, _maxLength) - _length);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _length);
        _length += count;
    }

    public void Clear()
    {
        _length = 0;
        if (_buffer.Length > ShrinkAboveBytes)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(_initialSize);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private void Grow(int sizeHint)
    {
        var size = Math.Max(Math.Min(_buffer.Length * 2, _maxLength), _length + sizeHint);
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
