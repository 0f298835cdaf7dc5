namespace ContactCenter.Contracts.Calls;

/// <summary>The call ended without ever being answered; published just before its <see cref="CallEnded"/>.</summary>
/// <param name="Reason">See <see cref="CallMissedReason"/>.</param>
/// <param name="Queue">The last queue it waited in, or null.</param>
/// <param name="WaitSeconds">Seconds from start to end.</param>
/// <param name="OfferedTo">Devices that rang and did not answer, in order.</param>
public sealed record CallMissed(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Linkedid,
    string Uniqueid,
    string Direction,
    string CallerIdNum,
    string DialedExtension,
    string Reason,
    string? Queue,
    int WaitSeconds,
    IReadOnlyList<string> OfferedTo) : ICallEvent;
