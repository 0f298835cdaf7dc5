using System.Text.Json;

namespace ContactCenter.Asterisk.Ari;

/// <summary>A Stasis application registered with Asterisk and what it is subscribed to.</summary>
public sealed record AriApplication
{
    public string Name { get; init; } = string.Empty;

    public IReadOnlyList<string> ChannelIds { get; init; } = [];

    public IReadOnlyList<string> BridgeIds { get; init; } = [];

    public IReadOnlyList<string> EndpointIds { get; init; } = [];

    public IReadOnlyList<string> DeviceNames { get; init; } = [];

    /// <summary>Event filters (objects such as <c>{"type":"StasisStart"}</c>), kept as JSON.</summary>
    public IReadOnlyList<JsonElement> EventsAllowed { get; init; } = [];

    public IReadOnlyList<JsonElement> EventsDisallowed { get; init; } = [];
}
