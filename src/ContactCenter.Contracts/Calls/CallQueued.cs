namespace ContactCenter.Contracts.Calls;

/// <summary>The call joined a queue (<c>QueueCallerJoin</c>).</summary>
/// <param name="Position">Position in the queue on joining, 1 = next.</param>
/// <param name="CallersWaiting">Callers in the queue including this one.</param>
public sealed record CallQueued(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Linkedid,
    string Uniqueid,
    string Queue,
    int Position,
    int CallersWaiting) : ICallEvent;
