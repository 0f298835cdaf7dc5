using ContactCenter.Contracts.Channels;

namespace ContactCenter.Contracts.Queues;

/// <summary>Remove a member from a queue (AMI <c>QueueRemove</c>). Asterisk confirms with <see cref="QueueMemberRemoved"/>.</summary>
public sealed record RemoveQueueMember(
    Guid CommandId,
    string Server,
    string RequestedBy,
    string Queue,
    string Interface,
    PhoneAnswer? Answer = null) : IAsteriskCommand, IAnswersPhone;
