namespace ContactCenter.Contracts.Queues;

/// <summary>
/// The member's device status changed (<c>QueueMemberStatus</c>): ringing (6), in use (2), not in use (1)…
/// Agent state follows calls through this event, except when <paramref name="DialingFeatureCode"/> says the change
/// comes from feature codes its agent dialled: the device is busy only with them, or has just become free after them
/// (<c>**2</c> puts the phone in use for a second and frees it again: not a call).
/// </summary>
public sealed record QueueMemberStatusChanged(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    QueueMember Member,
    bool DialingFeatureCode = false) : IContactCenterEvent;
