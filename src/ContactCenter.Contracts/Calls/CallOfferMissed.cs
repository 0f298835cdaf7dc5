namespace ContactCenter.Contracts.Calls;

/// <summary>A ringing member did not answer within the queue's ring timeout (<c>AgentRingNoAnswer</c>).</summary>
public sealed record CallOfferMissed(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Linkedid,
    string Uniqueid,
    string Queue,
    string Interface,
    string MemberName,
    int RingSeconds) : ICallEvent;
