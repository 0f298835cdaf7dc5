using System.Text.Json.Serialization;

namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// An event of a type this client does not model (or a known type whose shape did not match, which is
/// also logged): kept with its raw JSON instead of being dropped.
/// </summary>
public sealed record UnknownAriEvent : AriEvent
{
    /// <summary>The message exactly as Asterisk sent it.</summary>
    [JsonIgnore]
    public string RawJson { get; init; } = string.Empty;
}
