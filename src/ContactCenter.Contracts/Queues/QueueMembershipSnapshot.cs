namespace ContactCenter.Contracts.Queues;

/// <summary>
/// The whole queue membership of a server as Asterisk reports it (<c>QueueStatus</c>), published after
/// every AMI (re)connect (a restart included) and after lost events. It is the truth: consumers correct
/// their own records to it.
/// </summary>
/// <param name="Queues">Every queue Asterisk knows, including those without members.</param>
/// <param name="Members">Every member of every queue.</param>
/// <param name="AsteriskRestarted">Asterisk restarted since the previous snapshot: dynamic members were lost.</param>
public sealed record QueueMembershipSnapshot(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    IReadOnlyList<string> Queues,
    IReadOnlyList<QueueMember> Members,
    bool AsteriskRestarted) : IContactCenterEvent;
