using System.Buffers.Binary;
using System.Runtime.CompilerServices;
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

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> of the socket read that completed the frame (set by the connection).</summary>
    public long ReceivedTimestamp { get; set; }

    /// <summary>
    /// Position of the frame in the client's stream (monotonic across reconnects). A list action's result
    /// carries the position of its last frame, so a consumer can tell which events came before a snapshot.
    /// </summary>
    public long Sequence { get; internal set; }

    /// <summary>True once the reader has seen the blank line that ends the frame.</summary>
    public bool IsComplete => _complete;

    internal bool IsEmpty => _count == 0 && MalformedReason is null && _length == 0;

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

    /// <summary>First value of <paramref name="asciiKey"/> decoded as UTF-8, or null when the key is absent.</summary>
    public string? GetString(ReadOnlySpan<byte> asciiKey) => TryGetValue(asciiKey, out var value) ? Decode(value) : null;

    /// <summary>First value of <paramref name="asciiKey"/> as an integer, or <paramref name="fallback"/> when absent or not a number.</summary>
    public long GetInt64(ReadOnlySpan<byte> asciiKey, long fallback = 0) =>
        TryGetValue(asciiKey, out var value) && System.Buffers.Text.Utf8Parser.TryParse(value, out long number, out var used) && used == value.Length
            ? number
            : fallback;

    /// <summary>First value of <paramref name="asciiKey"/> as an integer, or <paramref name="fallback"/> when absent or not a number.</summary>
    public int GetInt32(ReadOnlySpan<byte> asciiKey, int fallback = 0) => (int)Math.Clamp(GetInt64(asciiKey, fallback), int.MinValue, int.MaxValue);

    /// <summary>True when the value is <c>1</c>, <c>true</c> or <c>yes</c> (AMI writes booleans all three ways).</summary>
    public bool GetBoolean(ReadOnlySpan<byte> asciiKey) =>
        TryGetValue(asciiKey, out var value) &&
        (value.SequenceEqual("1"u8) || Ascii.EqualsIgnoreCase(value, "true"u8) || Ascii.EqualsIgnoreCase(value, "yes"u8));

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
        SuspectLoneCr = false;
        MalformedReason = null;
        MalformedLine = null;
        ReceivedTimestamp = 0;
        Sequence = 0;
    }

    /// <summary>Bytes of the frame as read (lines with their terminators) held by the frame.</summary>
    internal int RawLength => _length;

    internal ReadOnlySpan<byte> RawBytes => _bytes.AsSpan(0, _length);

    /// <summary>A CR not followed by LF was seen in the frame's bytes; the reader checks which line on completion.</summary>
    internal bool SuspectLoneCr { get; set; }

    internal void AppendRaw(ReadOnlySpan<byte> raw)
    {
        if (_length + raw.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + raw.Length));
        }
        raw.CopyTo(_bytes.AsSpan(_length));
        _length += raw.Length;
    }

    /// <summary>Records a field whose bytes are (or will be, within the same read) at these raw offsets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddField(int keyStart, int keyLength, int valueStart, int valueLength)
    {
        if (_count == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }
        ref var field = ref _fields[_count];
        field.KeyStart = keyStart;
        field.KeyLength = keyLength;
        field.ValueStart = valueStart;
        field.ValueLength = valueLength;
        _count++;
    }

    /// <summary>The field table for a writer that keeps the count in a local; see <see cref="CommitFields"/>.</summary>
    internal FieldRange[] FieldTable => _fields;

    /// <summary>Grows the field table, keeping the first <paramref name="count"/> entries.</summary>
    internal FieldRange[] GrowFieldTable(int count)
    {
        _count = count;
        Array.Resize(ref _fields, _fields.Length * 2);
        return _fields;
    }

    /// <summary>Publishes fields written directly into <see cref="FieldTable"/>.</summary>
    internal void CommitFields(int count) => _count = count;

    /// <summary>
    /// Finds the routing headers (<c>Event</c>, <c>Response</c>, <c>ActionID</c>) once the frame is whole:
    /// one tight pass over the key lengths, comparing bytes only for keys of length 5 or 8. Doing this
    /// per line while scanning cost a third of the reader's time.
    /// </summary>
    private void IndexRoutingHeaders()
    {
        var bytes = _bytes.AsSpan(0, _length);
        for (var i = 0; i < _count; i++)
        {
            ref readonly var f = ref _fields[i];
            if (f.KeyLength == 5)
            {
                if (_eventIndex < 0 && Ascii.EqualsIgnoreCase(bytes.Slice(f.KeyStart, 5), "Event"u8))
                {
                    _eventIndex = i;
                }
            }
            else if (f.KeyLength == 8)
            {
                var lower = BinaryPrimitives.ReadUInt64LittleEndian(bytes[f.KeyStart..]) | 0x2020202020202020ul;
                if (lower == ResponseLower && _responseIndex < 0)
                {
                    _responseIndex = i;
                }
                else if (lower == ActionIdLower && _actionIdIndex < 0)
                {
                    _actionIdIndex = i;
                }
            }
        }
    }

    private static readonly ulong ResponseLower = BinaryPrimitives.ReadUInt64LittleEndian("response"u8);
    private static readonly ulong ActionIdLower = BinaryPrimitives.ReadUInt64LittleEndian("actionid"u8);

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
        IndexRoutingHeaders();
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

    internal static string Decode(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? string.Empty : Encoding.UTF8.GetString(bytes);

    internal struct FieldRange
    {
        public int KeyStart;
        public int KeyLength;
        public int ValueStart;
        public int ValueLength;
    }
}
