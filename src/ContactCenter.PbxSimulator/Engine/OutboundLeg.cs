using ContactCenter.PbxSimulator.Channels;

namespace ContactCenter.PbxSimulator.Engine;

/// <summary>How a dialed leg failed: the DialStatus, the hangup cause and the OriginateResponse reason.</summary>
internal sealed record LegFailure(string DialStatus, int Cause, int OriginateReason)
{
    public static readonly LegFailure Busy = new("BUSY", HangupCauses.UserBusy, 5);
    public static readonly LegFailure Congestion = new("CONGESTION", HangupCauses.Congestion, 8);
    public static readonly LegFailure Rejected = new("CHANUNAVAIL", HangupCauses.CallRejected, 1);
    public static readonly LegFailure NoAnswer = new("NOANSWER", HangupCauses.NoAnswer, 3);
}

/// <summary>What Dial, Queue and Originate do when the leg they dialed rings, answers or fails.</summary>
internal interface ILegOwner
{
    void OnLegRinging(OutboundLeg leg);

    void OnLegAnswered(OutboundLeg leg);

    void OnLegFailed(OutboundLeg leg, LegFailure failure);
}

/// <summary>
/// A channel the PBX is dialing (to a phone, or to a customer through the trunk) and the scripted
/// behaviour of whoever is at the other end: ring, answer after a delay, busy, congestion, reject. The
/// test can also answer or decline by hand through the phone.
/// </summary>
internal sealed class OutboundLeg(PbxEngine engine, ILegOwner owner, SimChannel channel, CallBehaviour behaviour) : IChannelActivity
{
    private SimTimer? _timer;

    public SimChannel Channel { get; } = channel;

    public CallBehaviour Behaviour { get; } = behaviour;

    public ILegOwner Owner { get; } = owner;

    public DateTimeOffset Started { get; } = engine.Clock.Now;

    public DateTimeOffset? RingingSince { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>True once the leg answered, failed, or was cancelled.</summary>
    public bool IsDone { get; private set; }

    public bool IsRinging => RingingSince is not null && !IsDone;

    /// <summary>Starts the leg per its behaviour; may call the owner back before returning.</summary>
    public void Begin()
    {
        Channel.Activity = this;
        switch (Behaviour.Outcome)
        {
            case CallOutcome.Answer:
                Ring();
                Schedule(Behaviour.Delay, AnswerNow, "answer");
                break;
            case CallOutcome.Busy or CallOutcome.Congestion or CallOutcome.Reject:
                var failure = Behaviour.Outcome switch
                {
                    CallOutcome.Busy => LegFailure.Busy,
                    CallOutcome.Congestion => LegFailure.Congestion,
                    _ => LegFailure.Rejected,
                };
                if (Behaviour.Delay > TimeSpan.Zero)
                {
                    Ring();
                    Schedule(Behaviour.Delay, () => Fail(failure), "fail");
                }
                else
                {
                    Fail(failure);
                }
                break;
            default:
                Ring();
                break;
        }
    }

    /// <summary>The far end answers (behaviour timer, or the test answering the phone).</summary>
    public void AnswerNow()
    {
        if (IsDone || Channel.IsGone)
        {
            return;
        }
        IsDone = true;
        _timer?.Cancel();
        AnsweredAt = engine.Clock.Now;
        Owner.OnLegAnswered(this);
        if (Behaviour.HangUpAfter is { } talk && !Channel.IsGone)
        {
            var timer = engine.Clock.Schedule(talk, () => engine.RemoteHangup(Channel), "talk time " + Channel.Name);
            Channel.Timers.Add(timer);
        }
    }

    /// <summary>The dialer gave up on the leg (timeout, caller gone, answered elsewhere); it tears the channel down itself.</summary>
    public void Cancel()
    {
        IsDone = true;
        _timer?.Cancel();
    }

    /// <summary>The phone declined the ringing call (hung up before answering).</summary>
    public void Interrupt(SimChannel ch, bool hangup)
    {
        if (hangup && !IsDone)
        {
            Fail(LegFailure.Rejected);
        }
    }

    private void Ring()
    {
        RingingSince = engine.Clock.Now;
        Owner.OnLegRinging(this);
    }

    private void Fail(LegFailure failure)
    {
        if (IsDone || Channel.IsGone)
        {
            return;
        }
        IsDone = true;
        _timer?.Cancel();
        Owner.OnLegFailed(this, failure);
    }

    private void Schedule(TimeSpan delay, Action action, string what)
    {
        _timer = engine.Clock.Schedule(delay, action, what + " " + Channel.Name);
        Channel.Timers.Add(_timer);
    }
}
