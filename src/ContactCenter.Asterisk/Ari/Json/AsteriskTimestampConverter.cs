using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// Asterisk writes times as <c>2026-11-21T19:23:33.263+0000</c>: the offset has no colon, which the
/// default <see cref="DateTimeOffset"/> reader rejects. Reads that form (and the ISO one with a colon);
/// writes Asterisk's form so a simulator can produce what Asterisk does.
/// </summary>
internal sealed class AsteriskTimestampConverter : JsonConverter<DateTimeOffset>
{
    // "zzz" accepts the offset with or without the colon; FFFFFFF makes the fraction optional.
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an Asterisk timestamp string, got {reader.TokenType}.");
        }
        var text = reader.GetString()!;
        if (TryParse(text, out var value))
        {
            return value;
        }
        throw new JsonException($"'{text}' is not an Asterisk timestamp (yyyy-MM-ddTHH:mm:ss.fff+hhmm).");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    internal static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    internal static string Format(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"{value:yyyy-MM-dd'T'HH:mm:ss.fff}{sign}{abs.Hours:00}{abs.Minutes:00}");
    }
}
