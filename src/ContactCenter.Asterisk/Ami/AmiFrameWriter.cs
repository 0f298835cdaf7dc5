using System.Buffers;
using System.Text;

namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// Writes AMI frames as Asterisk does: <c>Key: Value\r\n</c> lines and a blank line. Shared by the client
/// (actions) and the PBX simulator (responses and events). Refuses CR and LF inside keys and values:
/// a line break inside a value would start a new header, which is header injection.
/// </summary>
public static class AmiFrameWriter
{
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n");

    /// <summary>Writes one <c>Key: Value</c> line.</summary>
    /// <exception cref="ArgumentException">The key or the value contains CR or LF, or the key is empty or has a colon.</exception>
    public static void WriteField(IBufferWriter<byte> writer, string key, ReadOnlySpan<char> value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ValidateKey(key);
        ValidateValue(key, value);
        WriteFieldUnchecked(writer, key, value);
    }

    /// <summary>Writes the blank line that ends a frame.</summary>
    public static void WriteEnd(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var span = writer.GetSpan(2);
        span[0] = (byte)'\r';
        span[1] = (byte)'\n';
        writer.Advance(2);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the key when it cannot be an AMI header name.</summary>
    public static void ValidateKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("An AMI header name cannot be empty.", nameof(key));
        }
        if (key.AsSpan().ContainsAny(LineBreaks) || key.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"AMI header name '{Printable(key)}' contains CR, LF or ':' and would corrupt the frame.", nameof(key));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the key when the value holds CR or LF.</summary>
    public static void ValidateValue(string key, ReadOnlySpan<char> value)
    {
        if (value.ContainsAny(LineBreaks))
        {
            throw new ArgumentException(
                $"The value of AMI header '{key}' contains CR or LF; it would inject headers into the action and is refused.", key);
        }
    }

    internal static void WriteFieldUnchecked(IBufferWriter<byte> writer, string key, ReadOnlySpan<char> value)
    {
        var max = key.Length + 2 + Encoding.UTF8.GetMaxByteCount(value.Length) + 2;
        var span = writer.GetSpan(max);
        var n = Encoding.ASCII.GetBytes(key, span);
        span[n++] = (byte)':';
        span[n++] = (byte)' ';
        n += Encoding.UTF8.GetBytes(value, span[n..]);
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        writer.Advance(n);
    }

    private static string Printable(string s) => s.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
