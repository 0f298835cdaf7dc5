namespace ContactCenter.Contracts.Queues;

/// <summary>Asterisk added a member to a queue (<c>QueueMemberAdded</c>): the agent is logged in to it.</summary>
public sealed record QueueMemberAdded(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    QueueMember Member) : IContactCenterEvent;
