using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace ContactCenter.PbxSimulator.Ami;

/// <summary>
/// Builds one AMI frame at a time into a reused buffer: <c>Key: Value\r\n</c> lines, numbers formatted
/// straight to bytes. Values are sanitised (CR/LF become spaces) because caller ids and variables come
/// from outside and a line break would inject headers. Not thread-safe: the engine owns one, used under
/// its lock; list actions build their items with it too.
/// </summary>
internal sealed class AmiFrameBuilder
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public void Reset() => _buffer.ResetWrittenCount();

    /// <summary>Starts an event: <c>Event</c>, <c>Privilege</c> and, when <paramref name="timestamp"/> is given, <c>Timestamp</c>.</summary>
    public AmiFrameBuilder Event(ReadOnlySpan<byte> name, EventClass cls, DateTimeOffset? timestamp)
    {
        Reset();
        Field("Event"u8, name);
        Field("Privilege"u8, PrivilegeBytes(cls));
        if (timestamp is { } ts)
        {
            Timestamp(ts);
        }
        return this;
    }

    /// <summary>Starts a response: <c>Response</c> then <c>ActionID</c> when the action had one.</summary>
    public AmiFrameBuilder Response(ReadOnlySpan<byte> status, string? actionId)
    {
        Reset();
        Field("Response"u8, status);
        if (actionId is not null)
        {
            Field("ActionID"u8, actionId);
        }
        return this;
    }

    /// <summary><c>Timestamp: seconds.microseconds</c>.</summary>
    public AmiFrameBuilder Timestamp(DateTimeOffset ts)
    {
        var micros = (ts.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        var span = _buffer.GetSpan(48);
        "Timestamp: "u8.CopyTo(span);
        var n = 11;
        Utf8Formatter.TryFormat(micros / 1_000_000, span[n..], out var w);
        n += w;
        span[n++] = (byte)'.';
        Utf8Formatter.TryFormat(micros % 1_000_000, span[n..], out w, new StandardFormat('D', 6));
        n += w;
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        _buffer.Advance(n);
        return this;
    }

    public AmiFrameBuilder Field(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var span = _buffer.GetSpan(key.Length + value.Length + 4);
        key.CopyTo(span);
        var n = key.Length;
        span[n++] = (byte)':';
        span[n++] = (byte)' ';
        value.CopyTo(span[n..]);
        Sanitize(span.Slice(n, value.Length));
        n += value.Length;
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        _buffer.Advance(n);
        return this;
    }

    public AmiFrameBuilder Field(ReadOnlySpan<byte> key, string? value)
    {
        value ??= string.Empty;
        var span = _buffer.GetSpan(key.Length + Encoding.UTF8.GetMaxByteCount(value.Length) + 4);
        key.CopyTo(span);
        var n = key.Length;
        span[n++] = (byte)':';
        span[n++] = (byte)' ';
        var written = Encoding.UTF8.GetBytes(value, span[n..]);
        Sanitize(span.Slice(n, written));
        n += written;
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        _buffer.Advance(n);
        return this;
    }

    /// <summary>A string field whose empty value Asterisk prints as <c>&lt;unknown&gt;</c> (caller id, connected line).</summary>
    public AmiFrameBuilder FieldOrUnknown(ReadOnlySpan<byte> key, string? value) =>
        string.IsNullOrEmpty(value) ? Field(key, "<unknown>"u8) : Field(key, value);

    public AmiFrameBuilder Field(ReadOnlySpan<byte> key, long value)
    {
        var span = _buffer.GetSpan(key.Length + 24);
        key.CopyTo(span);
        var n = key.Length;
        span[n++] = (byte)':';
        span[n++] = (byte)' ';
        Utf8Formatter.TryFormat(value, span[n..], out var w);
        n += w;
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        _buffer.Advance(n);
        return this;
    }

    /// <summary>Bytes that are already whole <c>Key: Value\r\n</c> lines (a cached channel block).</summary>
    public AmiFrameBuilder Raw(ReadOnlySpan<byte> lines)
    {
        _buffer.Write(lines);
        return this;
    }

    /// <summary>Ends the frame with the blank line.</summary>
    public ReadOnlySpan<byte> End()
    {
        _buffer.Write("\r\n"u8);
        return _buffer.WrittenSpan;
    }

    /// <summary>The lines written so far, as an array (to cache a channel block).</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private static void Sanitize(Span<byte> value)
    {
        if (value.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return;
        }
        value.Replace((byte)'\r', (byte)' ');
        value.Replace((byte)'\n', (byte)' ');
    }

    private static ReadOnlySpan<byte> PrivilegeBytes(EventClass cls) => cls switch
    {
        EventClass.Call => "call,all"u8,
        EventClass.Dialplan => "dialplan,all"u8,
        EventClass.Agent => "agent,all"u8,
        EventClass.System => "system,all"u8,
        EventClass.User => "user,all"u8,
        EventClass.Security => "security,all"u8,
        EventClass.Reporting => "reporting,all"u8,
        EventClass.Cdr => "cdr,all"u8,
        _ => Encoding.ASCII.GetBytes(EventClasses.Privilege(cls)),
    };
}
