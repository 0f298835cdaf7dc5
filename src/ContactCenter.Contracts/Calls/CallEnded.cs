namespace ContactCenter.Contracts.Calls;

/// <summary>The call is over: its last channel hung up (or it vanished during a disconnect). One per call.</summary>
/// <param name="Cause">The Q.850 hangup cause of the first channel (16 normal clearing, 17 busy, 19 no answer…), 0 when unknown.</param>
/// <param name="CauseText">Asterisk's text for the cause.</param>
/// <param name="HungUpBy">See <see cref="HangupParty"/>.</param>
/// <param name="Reason">See <see cref="CallEndReason"/>.</param>
/// <param name="Answered">Whether the call was ever answered.</param>
/// <param name="DurationSeconds">From start to end.</param>
/// <param name="TalkSeconds">From answer to end, or 0.</param>
/// <param name="AnsweredBy">The last device that talked on the call, or null.</param>
/// <param name="CorrelationId">The <c>CC_CALL_ID</c> of calls the product originated, or null.</param>
public sealed record CallEnded(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Linkedid,
    string Uniqueid,
    string Direction,
    int Cause,
    string CauseText,
    string HungUpBy,
    string Reason,
    bool Answered,
    int DurationSeconds,
    int TalkSeconds,
    string? AnsweredBy,
    string? CorrelationId) : ICallEvent;
