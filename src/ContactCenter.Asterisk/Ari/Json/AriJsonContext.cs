using System.Text.Json.Serialization;

namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// Source-generated (trimming and AOT safe, no reflection) metadata for every ARI shape. ARI names are
/// snake_case; the few that are not (<c>creationtime</c>, <c>accountcode</c>, <c>channelvars</c>) carry
/// their own <c>[JsonPropertyName]</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(AsteriskTimestampConverter)])]
[JsonSerializable(typeof(AsteriskInfo))]
[JsonSerializable(typeof(AriChannel))]
[JsonSerializable(typeof(AriPlayback))]
[JsonSerializable(typeof(AriBridge))]
[JsonSerializable(typeof(AriApplication))]
[JsonSerializable(typeof(IReadOnlyList<AriApplication>))]
[JsonSerializable(typeof(AriVariable))]
[JsonSerializable(typeof(AriErrorBody))]
[JsonSerializable(typeof(AriOriginateBody))]
[JsonSerializable(typeof(StasisStart))]
[JsonSerializable(typeof(StasisEnd))]
[JsonSerializable(typeof(ChannelStateChange))]
[JsonSerializable(typeof(ChannelDtmfReceived))]
[JsonSerializable(typeof(ChannelHangupRequest))]
[JsonSerializable(typeof(ChannelDestroyed))]
[JsonSerializable(typeof(ChannelVarset))]
[JsonSerializable(typeof(PlaybackStarted))]
[JsonSerializable(typeof(PlaybackFinished))]
[JsonSerializable(typeof(UnknownAriEvent))]
internal sealed partial class AriJsonContext : JsonSerializerContext
{
}

/// <summary>ARI error body: <c>{"message":"Channel not found"}</c> (some validation errors use <c>error</c>).</summary>
internal sealed record AriErrorBody(string? Message, string? Error);

/// <summary>JSON body of an originate: the channel variables.</summary>
internal sealed record AriOriginateBody(IReadOnlyDictionary<string, string> Variables);
