namespace ContactCenter.Contracts.Calls;

/// <summary>
/// The call was answered: a queue member connected (<c>AgentConnect</c>), or for calls without a queue the
/// first time two of its channels were bridged. One per call; a later agent is a <see cref="CallTransferred"/>.
/// </summary>
/// <param name="AnsweredBy">The answering device, e.g. <c>PJSIP/6001</c>.</param>
/// <param name="AnsweredUniqueid">Uniqueid of the answering channel.</param>
/// <param name="Queue">The queue the call came through, or null.</param>
/// <param name="MemberName">The queue member name, or null.</param>
/// <param name="WaitSeconds">Seconds in the queue before the answer (queue calls), else null.</param>
/// <param name="RingSeconds">Seconds the answering member's phone rang (queue calls), else null.</param>
/// <param name="CorrelationId">The <c>CC_CALL_ID</c> channel variable of calls the product originated, or null.</param>
public sealed record CallAnswered(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Linkedid,
    string Uniqueid,
    string AnsweredBy,
    string AnsweredUniqueid,
    string? Queue,
    string? MemberName,
    int? WaitSeconds,
    int? RingSeconds,
    string? CorrelationId) : ICallEvent;
