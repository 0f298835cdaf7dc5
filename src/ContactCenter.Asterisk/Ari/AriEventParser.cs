using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// Turns one ARI WebSocket message into a typed event. Pure function over bytes. Asterisk does not
/// always put <c>type</c> first (<c>ChannelVarset</c> starts with <c>variable</c>), so the type is found
/// by a reader pass over the top-level properties, then the whole message is deserialized with the
/// source-generated metadata of that type.
/// </summary>
internal static class AriEventParser
{
    /// <summary>
    /// Parses <paramref name="utf8"/>. Returns null with a <paramref name="problem"/> when the message is
    /// not a JSON object. Returns an <see cref="UnknownAriEvent"/> for an unmodelled type (no problem),
    /// or for a known type whose shape did not match (with a <paramref name="problem"/> to log).
    /// </summary>
    public static AriEvent? Parse(ReadOnlySpan<byte> utf8, out string? problem)
    {
        problem = null;
        string? type;
        try
        {
            type = FindType(utf8);
        }
        catch (JsonException ex)
        {
            problem = $"not valid JSON: {ex.Message}";
            return null;
        }
        if (type is null)
        {
            problem = "not a JSON object with a string \"type\"";
            return null;
        }

        var typeInfo = TypeInfoFor(type);
        try
        {
            if (typeInfo is null)
            {
                var unknown = JsonSerializer.Deserialize(utf8, AriJsonContext.Default.UnknownAriEvent)!;
                return unknown with { RawJson = Encoding.UTF8.GetString(utf8) };
            }
            return (AriEvent)JsonSerializer.Deserialize(utf8, typeInfo)!;
        }
        catch (JsonException ex)
        {
            problem = $"{type} does not have the expected shape: {ex.Message}";
            return new UnknownAriEvent { Type = type, RawJson = Encoding.UTF8.GetString(utf8) };
        }
    }

    /// <summary>Validates the whole document and returns its top-level <c>type</c>, wherever it is.</summary>
    private static string? FindType(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            // Drain to surface a JsonException for garbage rather than a vague "no type".
            while (reader.Read())
            {
            }
            return null;
        }
        string? type = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    type ??= reader.GetString();
                }
            }
        }
        return type;
    }

    private static JsonTypeInfo? TypeInfoFor(string type) => type switch
    {
        "StasisStart" => AriJsonContext.Default.StasisStart,
        "StasisEnd" => AriJsonContext.Default.StasisEnd,
        "ChannelStateChange" => AriJsonContext.Default.ChannelStateChange,
        "ChannelDtmfReceived" => AriJsonContext.Default.ChannelDtmfReceived,
        "ChannelHangupRequest" => AriJsonContext.Default.ChannelHangupRequest,
        "ChannelDestroyed" => AriJsonContext.Default.ChannelDestroyed,
        "ChannelVarset" => AriJsonContext.Default.ChannelVarset,
        "PlaybackStarted" => AriJsonContext.Default.PlaybackStarted,
        "PlaybackFinished" => AriJsonContext.Default.PlaybackFinished,
        _ => null,
    };
}
