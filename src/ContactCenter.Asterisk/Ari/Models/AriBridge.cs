using System.Text.Json.Serialization;

namespace ContactCenter.Asterisk.Ari;

/// <summary>An ARI bridge.</summary>
public sealed record AriBridge
{
    public string Id { get; init; } = string.Empty;

    /// <summary>Bridging technology in use, e.g. <c>simple_bridge</c>, <c>softmix</c>.</summary>
    public string Technology { get; init; } = string.Empty;

    /// <summary><c>mixing</c> or <c>holding</c>.</summary>
    public string BridgeType { get; init; } = string.Empty;

    /// <summary><c>stasis</c> for bridges created through ARI.</summary>
    public string BridgeClass { get; init; } = string.Empty;

    public string Creator { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    /// <summary>Ids of the channels in the bridge.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    [JsonPropertyName("creationtime")]
    public DateTimeOffset CreationTime { get; init; }

    public string? VideoMode { get; init; }

    public string? VideoSourceId { get; init; }
}
