namespace ContactCenter.Contracts.Queues;

/// <summary>Asterisk removed a member from a queue (<c>QueueMemberRemoved</c>): the agent is logged out of it.</summary>
public sealed record QueueMemberRemoved(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    QueueMember Member) : IContactCenterEvent;
