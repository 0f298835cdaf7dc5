namespace ContactCenter.Contracts.Calls;

/// <summary>MixMonitor started recording a channel of the call.</summary>
/// <param name="FileName">Full path on the Asterisk server, e.g. <c>/var/spool/asterisk/monitor/1795289065.4.wav</c>.</param>
public sealed record RecordingStarted(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Linkedid,
    string Uniqueid,
    string Channel,
    string FileName) : ICallEvent;
