namespace ContactCenter.Contracts.Calls;

/// <summary>
/// Place a call (AMI <c>Originate</c>, asynchronous): Asterisk rings <see cref="Channel"/> first and, when it
/// answers, runs <see cref="Context"/>/<see cref="Extension"/>/<see cref="Priority"/>. Scheduled outbound calls
/// ring the customer first (<c>PJSIP/+5491145550000@trunk</c>) into <c>cc-originate,agent,1</c> with the
/// agent's interface in <c>CC_AGENT_INTERFACE</c>. The <see cref="Commands.CommandCompleted"/> comes when the
/// first leg answered or failed (outcome <c>answered</c>, <c>busy</c>, <c>no-answer</c>, <c>congestion</c>, <c>failed</c>).
/// Never retried: a second Originate would ring the customer twice.
/// </summary>
/// <param name="CorrelationId">Set as <c>CC_CALL_ID</c> on the channel and echoed on the call's events.</param>
/// <param name="Variables">Extra channel variables (names must not contain '=' or line breaks).</param>
public sealed record OriginateCall(
    Guid CommandId,
    string Server,
    string RequestedBy,
    string Channel,
    string Context,
    string Extension,
    int Priority,
    string CallerId,
    int TimeoutSeconds,
    string CorrelationId,
    IReadOnlyDictionary<string, string> Variables) : IAsteriskCommand;
