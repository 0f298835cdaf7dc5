using System.Text.Json.Serialization;

namespace ContactCenter.Asterisk.Ari;

/// <summary>An ARI channel as Asterisk 22 describes it in REST answers and events.</summary>
public sealed record AriChannel
{
    /// <summary>Unique id, e.g. <c>1795289013.0</c> (the AMI <c>Uniqueid</c>).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Channel name, e.g. <c>PJSIP/6001-00000000</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>State as text: <c>Down</c>, <c>Ring</c>, <c>Ringing</c>, <c>Up</c>, <c>Busy</c>…</summary>
    public string State { get; init; } = string.Empty;

    /// <summary>Protocol call id (the SIP Call-ID for PJSIP), when the channel driver has one.</summary>
    public string? ProtocolId { get; init; }

    public AriCallerId Caller { get; init; } = new();

    public AriCallerId Connected { get; init; } = new();

    [JsonPropertyName("accountcode")]
    public string AccountCode { get; init; } = string.Empty;

    /// <summary>Where the channel is in the dialplan; <c>Dialplan.Exten</c> is the number that was dialed.</summary>
    public AriDialplanLocation Dialplan { get; init; } = new();

    [JsonPropertyName("creationtime")]
    public DateTimeOffset CreationTime { get; init; }

    public string Language { get; init; } = string.Empty;

    /// <summary>Variables listed in <c>ari.conf</c> <c>channelvars</c>; absent when none are configured.</summary>
    [JsonPropertyName("channelvars")]
    public IReadOnlyDictionary<string, string>? ChannelVars { get; init; }
}

/// <summary>Caller id name and number.</summary>
public sealed record AriCallerId
{
    public string Name { get; init; } = string.Empty;

    public string Number { get; init; } = string.Empty;
}

/// <summary>A dialplan location: context, extension, priority and the application running there.</summary>
public sealed record AriDialplanLocation
{
    public string Context { get; init; } = string.Empty;

    public string Exten { get; init; } = string.Empty;

    public long Priority { get; init; }

    public string? AppName { get; init; }

    public string? AppData { get; init; }
}
