namespace ContactCenter.Contracts.Queues;

/// <summary>A member was unpaused in a queue (<c>QueueMemberPause</c> with <c>Paused: 0</c>).</summary>
public sealed record QueueMemberUnpaused(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    QueueMember Member) : IContactCenterEvent;
