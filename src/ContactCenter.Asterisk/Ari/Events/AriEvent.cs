namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// Base of the ARI WebSocket events. Known types are parsed into their own sealed record; any other
/// type arrives as <see cref="UnknownAriEvent"/> with its raw JSON, so nothing is dropped silently.
/// </summary>
public abstract record AriEvent
{
    /// <summary>The ARI event type, e.g. <c>StasisStart</c>.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>When Asterisk raised the event.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The Stasis application the event is for.</summary>
    public string Application { get; init; } = string.Empty;

    /// <summary>Entity id of the Asterisk that raised the event (<c>asterisk_id</c>), when it says.</summary>
    public string? AsteriskId { get; init; }
}
