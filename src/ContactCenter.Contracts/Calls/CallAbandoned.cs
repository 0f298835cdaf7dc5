namespace ContactCenter.Contracts.Calls;

/// <summary>The caller hung up while waiting in a queue (<c>QueueCallerAbandon</c>).</summary>
/// <param name="Position">Position when the caller gave up.</param>
/// <param name="OriginalPosition">Position on joining.</param>
/// <param name="WaitSeconds">Seconds waited in the queue.</param>
public sealed record CallAbandoned(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Linkedid,
    string Uniqueid,
    string Queue,
    int Position,
    int OriginalPosition,
    int WaitSeconds) : ICallEvent;
