using System.Text;

namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// One AMI frame (an event, an action response, or an action when the simulator reads it): the
/// <c>Key: Value</c> lines up to the blank line, in arrival order, repeated keys kept. Keys compare
/// ASCII case-insensitively. The bytes are owned by the frame, so it stays valid after the socket
/// buffer moves on; a frame object is reused by the reader until it is completed.
/// </summary>
public sealed class AmiFrame
{
    private const int InitialBytes = 512;
    private const int InitialFields = 24;
    private const int MaxMalformedSnippet = 120;

    private byte[] _bytes = new byte[InitialBytes];
    private int _length;
    private FieldRange[] _fields = new FieldRange[InitialFields];
    private int _count;
    private int _eventIndex = -1;
    private int _responseIndex = -1;
    private int _actionIdIndex = -1;
    private bool _complete;

    /// <summary>What the frame is: an event wins over a response (OriginateResponse carries both).</summary>
    public AmiFrameKind Kind =>
        _eventIndex >= 0 ? AmiFrameKind.Event : _responseIndex >= 0 ? AmiFrameKind.Response : AmiFrameKind.Other;

    /// <summary>Number of <c>Key: Value</c> lines, repeated keys counted each time.</summary>
    public int FieldCount => _count;

    /// <summary>Raw size on the wire, line terminators included, of the frame as it was read.</summary>
    public int WireLength { get; private set; }

    /// <summary>Why the frame was rejected by the reader, or null for a well-formed frame.</summary>
    public string? MalformedReason { get; private set; }

    /// <summary>The first offending line of a malformed frame, shortened, for the log.</summary>
    public string? MalformedLine { get; private set; }

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the frame was completed by the reader.</summary>
    public long ReceivedTimestamp { get; set; }

    /// <summary>
    /// Position of the frame in the client's stream (monotonic across reconnects). A list action's result
    /// carries the position of its last frame, so a consumer can tell which events came before a snapshot.
    /// </summary>
    public long Sequence { get; internal set; }

    /// <summary>True once the reader has seen the blank line that ends the frame.</summary>
    public bool IsComplete => _complete;

    internal bool IsEmpty => _count == 0 && MalformedReason is null;

    /// <summary>The <c>Event</c> value, empty when the frame is not an event.</summary>
    public ReadOnlySpan<byte> EventName => _eventIndex >= 0 ? ValueSpan(_eventIndex) : default;

    /// <summary>The <c>Response</c> value (<c>Success</c>, <c>Error</c>, <c>Goodbye</c>…), empty when absent.</summary>
    public ReadOnlySpan<byte> ResponseStatus => _responseIndex >= 0 ? ValueSpan(_responseIndex) : default;

    /// <summary>The <c>ActionID</c> value, empty when absent.</summary>
    public ReadOnlySpan<byte> ActionIdSpan => _actionIdIndex >= 0 ? ValueSpan(_actionIdIndex) : default;

    /// <summary>The event name as a string, or null when the frame is not an event.</summary>
    public string? EventNameString => _eventIndex >= 0 ? Decode(ValueSpan(_eventIndex)) : null;

    /// <summary>The ActionID as a string, or null when absent.</summary>
    public string? ActionId => _actionIdIndex >= 0 ? Decode(ValueSpan(_actionIdIndex)) : null;

    public ReadOnlySpan<byte> KeyAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        ref readonly var f = ref _fields[index];
        return _bytes.AsSpan(f.KeyStart, f.KeyLength);
    }

    public ReadOnlySpan<byte> ValueAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return ValueSpan(index);
    }

    /// <summary>True when the event name equals <paramref name="asciiName"/> (exact case, as Asterisk sends it).</summary>
    public bool IsEvent(ReadOnlySpan<byte> asciiName) => _eventIndex >= 0 && ValueSpan(_eventIndex).SequenceEqual(asciiName);

    /// <summary>First value of <paramref name="asciiKey"/> (ASCII, any case), without allocating.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> asciiKey, out ReadOnlySpan<byte> value)
    {
        var index = IndexOf(asciiKey, 0);
        value = index >= 0 ? ValueSpan(index) : default;
        return index >= 0;
    }

    /// <summary>First value of <paramref name="key"/> decoded as UTF-8, or null when the key is absent.</summary>
    public string? this[string key] => Get(key);

    /// <summary>First value of <paramref name="key"/> decoded as UTF-8, or null when the key is absent.</summary>
    public string? Get(string key)
    {
        var index = IndexOf(key, 0);
        return index >= 0 ? Decode(ValueSpan(index)) : null;
    }

    /// <summary>Every value of a repeated key (<c>Output</c>, <c>ChanVariable</c>, <c>Variable</c>) in order.</summary>
    public IReadOnlyList<string> GetAll(string key)
    {
        List<string>? values = null;
        for (var i = IndexOf(key, 0); i >= 0; i = IndexOf(key, i + 1))
        {
            (values ??= []).Add(Decode(ValueSpan(i)));
        }
        return values ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Every field decoded, in order: for logs, diagnostics and tests.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToList()
    {
        var list = new List<KeyValuePair<string, string>>(_count);
        for (var i = 0; i < _count; i++)
        {
            list.Add(new(Decode(KeyAt(i)), Decode(ValueSpan(i))));
        }
        return list;
    }

    /// <summary>An independent copy that owns its bytes (the reader may reuse this instance).</summary>
    public AmiFrame Clone()
    {
        var copy = new AmiFrame
        {
            _bytes = _bytes.AsSpan(0, Math.Max(_length, 1)).ToArray(),
            _length = _length,
            _fields = _fields.AsSpan(0, Math.Max(_count, 1)).ToArray(),
            _count = _count,
            _eventIndex = _eventIndex,
            _responseIndex = _responseIndex,
            _actionIdIndex = _actionIdIndex,
            _complete = _complete,
            WireLength = WireLength,
            MalformedReason = MalformedReason,
            MalformedLine = MalformedLine,
            ReceivedTimestamp = ReceivedTimestamp,
            Sequence = Sequence,
        };
        return copy;
    }

    /// <summary>The frame as AMI text (CRLF line ends, blank line at the end).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(_length + _count * 4);
        for (var i = 0; i < _count; i++)
        {
            sb.Append(Decode(KeyAt(i))).Append(": ").Append(Decode(ValueSpan(i))).Append("\r\n");
        }
        return sb.Append("\r\n").ToString();
    }

    internal void Reset()
    {
        _length = 0;
        _count = 0;
        _eventIndex = _responseIndex = _actionIdIndex = -1;
        _complete = false;
        WireLength = 0;
        MalformedReason = null;
        MalformedLine = null;
        ReceivedTimestamp = 0;
        Sequence = 0;
    }

    /// <summary>Adds one line, already stripped of its terminator, split at its first colon.</summary>
    internal void AddField(ReadOnlySpan<byte> line, int colon)
    {
        EnsureBytes(line.Length);
        var start = _length;
        line.CopyTo(_bytes.AsSpan(start));
        _length += line.Length;

        // Asterisk writes "Key: Value"; only the one space after the colon is syntax. Leading spaces
        // beyond it belong to the value (RTPAUDIOQOSLOSS values start with spaces).
        var valueStart = colon + 1;
        if (valueStart < line.Length && line[valueStart] == (byte)' ')
        {
            valueStart++;
        }
        var keyLength = colon;
        while (keyLength > 0 && line[keyLength - 1] == (byte)' ')
        {
            keyLength--;
        }

        if (_count == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }
        _fields[_count] = new FieldRange(start, keyLength, start + valueStart, line.Length - valueStart);
        var key = line[..keyLength];
        if (_eventIndex < 0 && Ascii.EqualsIgnoreCase(key, "Event"u8))
        {
            _eventIndex = _count;
        }
        else if (_responseIndex < 0 && Ascii.EqualsIgnoreCase(key, "Response"u8))
        {
            _responseIndex = _count;
        }
        else if (_actionIdIndex < 0 && Ascii.EqualsIgnoreCase(key, "ActionID"u8))
        {
            _actionIdIndex = _count;
        }
        _count++;
    }

    internal void MarkMalformed(string reason, ReadOnlySpan<byte> line)
    {
        if (MalformedReason is not null)
        {
            return;
        }
        MalformedReason = reason;
        var shown = line.Length > MaxMalformedSnippet ? line[..MaxMalformedSnippet] : line;
        MalformedLine = Encoding.UTF8.GetString(shown).ReplaceLineEndings("\\n").Replace("\r", "\\r", StringComparison.Ordinal);
    }

    internal void Complete(int wireLength)
    {
        WireLength = wireLength;
        _complete = true;
    }

    private ReadOnlySpan<byte> ValueSpan(int index)
    {
        ref readonly var f = ref _fields[index];
        return _bytes.AsSpan(f.ValueStart, f.ValueLength);
    }

    private int IndexOf(ReadOnlySpan<byte> asciiKey, int from)
    {
        for (var i = from; i < _count; i++)
        {
            ref readonly var f = ref _fields[i];
            if (f.KeyLength == asciiKey.Length && Ascii.EqualsIgnoreCase(_bytes.AsSpan(f.KeyStart, f.KeyLength), asciiKey))
            {
                return i;
            }
        }
        return -1;
    }

    private int IndexOf(string key, int from)
    {
        for (var i = from; i < _count; i++)
        {
            ref readonly var f = ref _fields[i];
            if (f.KeyLength == key.Length && Ascii.EqualsIgnoreCase(_bytes.AsSpan(f.KeyStart, f.KeyLength), key))
            {
                return i;
            }
        }
        return -1;
    }

    private void EnsureBytes(int extra)
    {
        if (_length + extra > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + extra));
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? string.Empty : Encoding.UTF8.GetString(bytes);

    private readonly record struct FieldRange(int KeyStart, int KeyLength, int ValueStart, int ValueLength);
}
