namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// One item of the AMI event stream: an event, or a connection notice placed in the same stream so
/// that the consumer sees it in order with the events around it (a <see cref="AmiStreamItemKind.Connected"/>
/// notice precedes every event of the new session).
/// </summary>
/// <param name="Kind">What the item is.</param>
/// <param name="Frame">The event frame when <paramref name="Kind"/> is <see cref="AmiStreamItemKind.Event"/>.</param>
/// <param name="Detail">Reason of a disconnect, banner of a connect, or how many events were lost.</param>
/// <param name="LostEvents">For <see cref="AmiStreamItemKind.EventsLost"/>: events dropped since the last notice.</param>
public readonly record struct AmiStreamItem(AmiStreamItemKind Kind, AmiFrame? Frame = null, string? Detail = null, long LostEvents = 0);
