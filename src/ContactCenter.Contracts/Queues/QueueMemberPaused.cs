namespace ContactCenter.Contracts.Queues;

/// <summary>A member was paused in a queue (<c>QueueMemberPause</c> with <c>Paused: 1</c>); <see cref="Reason"/> is the <c>PausedReason</c>.</summary>
public sealed record QueueMemberPaused(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    QueueMember Member,
    string Reason) : IContactCenterEvent;
