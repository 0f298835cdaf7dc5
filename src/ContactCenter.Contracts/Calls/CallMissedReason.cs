namespace ContactCenter.Contracts.Calls;

/// <summary>Why a call was never answered (<see cref="CallMissed.Reason"/>). More reasons will be added (business hours, holidays).</summary>
public static class CallMissedReason
{
    /// <summary>The caller hung up while waiting in a queue.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>The queue's wait limit passed and the caller was sent on.</summary>
    public const string QueueTimeout = "queue-timeout";

    /// <summary>No agent could take it: joinempty/leavewhenempty, or the queue was full.</summary>
    public const string NoAgents = "no-agents";

    /// <summary>The called party did not answer.</summary>
    public const string NoAnswer = "no-answer";

    /// <summary>The called party was busy.</summary>
    public const string Busy = "busy";

    /// <summary>The call could not be set up (unavailable, congestion).</summary>
    public const string Failed = "failed";

    /// <summary>The caller hung up before anyone was rung or answered.</summary>
    public const string CallerHungUp = "caller-hung-up";
}
