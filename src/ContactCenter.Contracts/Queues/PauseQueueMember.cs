using ContactCenter.Contracts.Channels;

namespace ContactCenter.Contracts.Queues;

/// <summary>
/// Pause or unpause a member (AMI <c>QueuePause</c>). Asterisk confirms with <see cref="QueueMemberPaused"/>
/// or <see cref="QueueMemberUnpaused"/> per queue.
/// </summary>
/// <param name="Queue">The queue, or null for every queue the interface is a member of.</param>
/// <param name="Reason">The pause reason (the product sends the pause code), ignored when unpausing.</param>
/// <param name="Answer">The prompt for the phone that asked, played on Asterisk's response; null when no phone waits.</param>
public sealed record PauseQueueMember(
    Guid CommandId,
    string Server,
    string RequestedBy,
    string? Queue,
    string Interface,
    bool Paused,
    string? Reason,
    PhoneAnswer? Answer = null) : IAsteriskCommand, IAnswersPhone;
