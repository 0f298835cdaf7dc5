namespace ContactCenter.PbxSimulator;

/// <summary>What a phone or a customer does with a call that reaches it.</summary>
public enum CallOutcome
{
    /// <summary>It rings until the test calls <see cref="SimPhone.Answer"/> (or the caller gives up).</summary>
    Ring,

    /// <summary>It rings, then answers after <see cref="CallBehaviour.Delay"/>.</summary>
    Answer,

    /// <summary>It answers "busy" (486) after the delay: hangup cause 17, OriginateResponse reason 5.</summary>
    Busy,

    /// <summary>It rings and is never answered: the caller's timeout ends it (cause 19, reason 3).</summary>
    NoAnswer,

    /// <summary>The network is congested (503) after the delay: cause 34, reason 8.</summary>
    Congestion,

    /// <summary>It declines (603) after the delay: cause 21, reason 1.</summary>
    Reject,

    /// <summary>Nothing is registered: the channel cannot even be created (cause 20, reason 0).</summary>
    Unavailable,
}

/// <summary>
/// A scripted reaction to incoming calls, used by Originate, Dial and queues. Build one with the static
/// helpers, e.g. <c>CallBehaviour.AnswerAfter(TimeSpan.FromSeconds(2)).ThenHangUpAfter(TimeSpan.FromSeconds(30))</c>.
/// </summary>
public sealed record CallBehaviour
{
    /// <summary>What happens.</summary>
    public CallOutcome Outcome { get; init; } = CallOutcome.Ring;

    /// <summary>How long it rings before the outcome (answer, busy, congestion, reject).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>When set, an answered call is hung up by this party after this talk time.</summary>
    public TimeSpan? HangUpAfter { get; init; }

    /// <summary>Rings until the test answers (the default of agent phones).</summary>
    public static CallBehaviour Manual { get; } = new();

    public static CallBehaviour AnswerAfter(TimeSpan delay) => new() { Outcome = CallOutcome.Answer, Delay = delay };

    public static CallBehaviour Busy(TimeSpan? after = null) => new() { Outcome = CallOutcome.Busy, Delay = after ?? TimeSpan.Zero };

    public static CallBehaviour NoAnswer() => new() { Outcome = CallOutcome.NoAnswer };

    public static CallBehaviour Congestion(TimeSpan? after = null) => new() { Outcome = CallOutcome.Congestion, Delay = after ?? TimeSpan.Zero };

    public static CallBehaviour Reject(TimeSpan? after = null) => new() { Outcome = CallOutcome.Reject, Delay = after ?? TimeSpan.Zero };

    public static CallBehaviour Unavailable() => new() { Outcome = CallOutcome.Unavailable };

    /// <summary>The same behaviour, hanging up after <paramref name="talkTime"/> once answered.</summary>
    public CallBehaviour ThenHangUpAfter(TimeSpan talkTime) => this with { HangUpAfter = talkTime };
}
