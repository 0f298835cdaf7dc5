namespace ContactCenter.Contracts.Calls;

/// <summary>
/// The recording ended: <c>MixMonitorStop</c>, or the recorded channel hung up (Asterisk sends no
/// MixMonitorStop then).
/// </summary>
public sealed record RecordingStopped(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Linkedid,
    string Uniqueid,
    string FileName,
    int DurationSeconds) : ICallEvent;
