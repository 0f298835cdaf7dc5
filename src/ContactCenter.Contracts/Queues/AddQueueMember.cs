using ContactCenter.Contracts.Channels;

namespace ContactCenter.Contracts.Queues;

/// <summary>Add a member to a queue (AMI <c>QueueAdd</c>). Asterisk confirms with <see cref="QueueMemberAdded"/>.</summary>
/// <param name="Interface">e.g. <c>PJSIP/6001</c>.</param>
/// <param name="MemberName">The name shown in queue events; the product uses the agent number.</param>
/// <param name="StateInterface">Device whose state tells whether the member is busy; null = the interface.</param>
/// <param name="Paused">Add paused (with <paramref name="PausedReason"/>), e.g. when restoring a paused agent.</param>
/// <param name="Answer">The prompt for the phone that asked, played on Asterisk's response; null when no phone waits.</param>
public sealed record AddQueueMember(
    Guid CommandId,
    string Server,
    string RequestedBy,
    string Queue,
    string Interface,
    string MemberName,
    string? StateInterface,
    int Penalty,
    bool Paused,
    string? PausedReason,
    PhoneAnswer? Answer = null) : IAsteriskCommand, IAnswersPhone;
