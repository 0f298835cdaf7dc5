namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// One item of the ARI event stream: an event, or a connection notice placed in the same stream so
/// that the consumer sees it in order with the events around it (a <see cref="AriStreamItemKind.Connected"/>
/// notice precedes every event of the new session).
/// </summary>
/// <param name="Kind">What the item is.</param>
/// <param name="Event">The event when <paramref name="Kind"/> is <see cref="AriStreamItemKind.Event"/>.</param>
/// <param name="Detail">Reason of a disconnect, URL of a connect, or a summary of what was lost.</param>
/// <param name="LostEvents">For <see cref="AriStreamItemKind.EventsLost"/>: items dropped since the last notice.</param>
public readonly record struct AriStreamItem(AriStreamItemKind Kind, AriEvent? Event = null, string? Detail = null, long LostEvents = 0);
