namespace ContactCenter.Contracts.Queues;

/// <summary>
/// The member's device status changed (<c>QueueMemberStatus</c>): ringing (6), in use (2), not in use (1)…
/// Agent state follows calls through this event.
/// </summary>
public sealed record QueueMemberStatusChanged(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    QueueMember Member) : IContactCenterEvent;
