using System.Globalization;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator.Queues;

/// <summary>
/// One caller in a queue, from QueueCallerJoin to the end: ringing members by the queue's strategy with
/// ring timeout and retry, connecting the first that answers, and the abandon / completion teardowns.
/// Event order follows traces 06 (answered) and 07 (abandoned).
/// </summary>
internal sealed partial class QueueCall : IChannelActivity, ILegOwner, IBridgeOwner
{
    private readonly QueueManager _manager;
    private readonly PbxEngine _engine;
    private readonly bool _continueOnCalleeHangup;
    private readonly bool _noRetry;
    private readonly List<Ring> _rings = [];
    private SimTimer? _ringTimeout;
    private SimTimer? _retryTimer;
    private SimTimer? _queueTimeout;
    private bool _waitingRetry;
    private int _linearPosition;
    private Ring? _connected;
    private SimBridge? _bridge;
    private DateTimeOffset _connectedAt;
    private long _holdTime;

    public QueueCall(QueueManager manager, SimQueue queue, SimChannel caller, bool continueOnCalleeHangup, bool noRetry)
    {
        _manager = manager;
        _engine = manager.Engine;
        Queue = queue;
        Caller = caller;
        _continueOnCalleeHangup = continueOnCalleeHangup;
        _noRetry = noRetry;
    }

    public SimQueue Queue { get; }

    public SimChannel Caller { get; }

    public DateTimeOffset Joined { get; private set; }

    public int OriginalPosition { get; private set; }

    public bool IsRinging => _rings.Count > 0;

    public int Position => Queue.Callers.IndexOf(this) + 1;


    public void Join(TimeSpan? timeout)
    {
        Joined = _engine.Clock.Now;
        Queue.Callers.Add(this);
        OriginalPosition = Queue.Callers.Count;
        _manager.UpdateQueueDevice(Queue);
        _engine.Ami.QueueCallerJoin(Caller, Queue.Name, OriginalPosition, Queue.Callers.Count);
        _engine.Ami.MusicOnHoldStart(Caller, Queue.Definition.MusicClass);
        Caller.Activity = this;
        if (timeout is { } limit)
        {
            _queueTimeout = _engine.Clock.Schedule(limit, () => Leave("TIMEOUT"), "Queue timeout " + Caller.Name);
            Caller.Timers.Add(_queueTimeout);
        }
        TryRing();
    }

    /// <summary>Rings the member(s) the strategy picks, unless already ringing, connected, or waiting for the retry.</summary>
    public void TryRing()
    {
        if (IsRinging || _waitingRetry || _connected is not null || Caller.IsGone || Caller.HangingUp || !Queue.Callers.Contains(this))
        {
            return;
        }
        if (!Queue.Definition.AutoFill && Position != 1)
        {
            return;
        }
        var picked = MemberPicker.Pick(Queue, m => _manager.IsAvailable(Queue, m), _linearPosition, _engine.Random);
        if (picked.Count == 0)
        {
            return;
        }
        if (Queue.Definition.Strategy == QueueStrategy.RrMemory)
        {
            Queue.RoundRobinPosition = Queue.Members.IndexOf(picked[0]);
        }
        foreach (var member in picked)
        {
            var target = _engine.ResolveTarget(member.Interface);
            if (_engine.BehaviourOf(target) is not { } behaviour)
            {
                continue;
            }
            var a = _engine.CreateLegChannel(target, Caller, Caller.Linkedid);
            _engine.SetVar(a, "DIALEDPEERNUMBER", target.Resource);
            // DialBegin shows the member channel as it was before the queue set its connected line.
            var before = _engine.Ami.DestBlock(a);
            a.ConnectedNum = Caller.CallerNum;
            a.ConnectedName = Caller.CallerName;
            a.Exten = Caller.Exten;
            _engine.Ami.AgentCalled(Caller, _engine.Ami.DestBlock(a), Queue.Name, member);
            _engine.Ami.DialBegin(Caller, before, member.Interface);
            if (Caller.ConnectedNum != a.CallerNum || Caller.ConnectedName != a.CallerName)
            {
                Caller.ConnectedNum = a.CallerNum;
                Caller.ConnectedName = a.CallerName;
                _engine.Ami.NewConnectedLine(Caller);
            }
            _rings.Add(new Ring(new OutboundLeg(_engine, this, a, behaviour), member, _engine.Clock.Now));
            _manager.Rung(member.Interface, ringing: true);
        }
        if (_rings.Count == 0)
        {
            return;
        }
        _ringTimeout = _engine.Clock.Schedule(TimeSpan.FromSeconds(Queue.Definition.Timeout), OnRingTimeout, "ring timeout " + Caller.Name);
        Caller.Timers.Add(_ringTimeout);
        foreach (var ring in _rings.ToArray())
        {
            if (!ring.Leg.IsDone)
            {
                ring.Leg.Begin();
            }
        }
    }

    public void OnLegRinging(OutboundLeg leg)
    {
        var a = leg.Channel;
        a.State = ChannelState.Ringing;
        _engine.Ami.Newstate(a);
        a.Application = "AppQueue";
        a.ApplicationData = "(Outgoing Line)";
        _engine.Ami.Newexten(a, a.Exten, "AppQueue", "(Outgoing Line)");
        _engine.Ami.NewConnectedLine(a);
        _engine.UpdateDevice(a.Endpoint);
        _engine.Ami.DialState(Caller, a, "RINGING");
    }

    public void OnLegAnswered(OutboundLeg leg)
    {
        var ring = _rings.First(r => ReferenceEquals(r.Leg, leg));
        var a = leg.Channel;
        var member = ring.Member;
        var now = _engine.Clock.Now;
        _ringTimeout?.Cancel();
        a.State = ChannelState.Up;
        a.HadMedia = true;
        a.AnsweredAt ??= _engine.Clock.Now;
        _engine.Ami.Newstate(a);
        _engine.Ami.DialEnd(Caller, a, "ANSWER");
        foreach (var other in _rings.Where(r => !ReferenceEquals(r, ring)).ToArray())
        {
            other.Leg.Cancel();
            _engine.Ami.DialEnd(Caller, other.Leg.Channel, "CANCEL");
            _engine.Destroy(other.Leg.Channel, HangupCauses.Unknown);
        }
        ClearRings();
        _connected = ring;
        _engine.Ami.MusicOnHoldStop(Caller);
        _holdTime = PbxEngine.SecondsBetween(Joined, now);
        if (Queue.Definition.SetInterfaceVar)
        {
            SetMemberVariables(Caller, member);
            SetMemberVariables(a, member);
        }
        if (Queue.Definition.SetQueueEntryVar)
        {
            foreach (var ch in (SimChannel[])[Caller, a])
            {
                _engine.SetVar(ch, "QEHOLDTIME", Num(_holdTime));
                _engine.SetVar(ch, "QEORIGINALPOS", Num(OriginalPosition));
            }
        }
        Queue.HoldTime = SimQueue.Average(Queue.HoldTime, _holdTime);
        SetQueueVariables(Caller);
        SetQueueVariables(a);
        var position = Position;
        Queue.Callers.Remove(this);
        _manager.UpdateQueueDevice(Queue);
        _engine.Ami.QueueCallerLeave(Caller, Queue.Name, position, Queue.Callers.Count);
        _engine.SetVar(Caller, "QUEUEPOSITION", Num(position));
        _engine.SetVar(Caller, "QUEUEWAIT", Num(_holdTime));
        _engine.SetVar(Caller, "QUEUEWAIT_MS", Num(_holdTime * 1000));
        member.InCall = true;
        var ringTime = (long)(now - ring.Started).TotalMilliseconds / 1000;
        _engine.Ami.AgentConnect(Caller, a, Queue.Name, member, _holdTime, ringTime);
        _connectedAt = now;
        _bridge = _engine.CreateBridge(this);
        _engine.UpdateDevice(a.Endpoint);
        _engine.EnterBridge(_bridge, a);
        _engine.EnterBridge(_bridge, Caller);
        _engine.SetBridgePeers(a, Caller);
        a.Activity = this;
        Caller.Activity = this;
        _queueTimeout?.Cancel();
        _engine.OnCallerConnected(Caller);
        var queue = Queue;
        _engine.Defer(() => _manager.Kick(queue));
    }

    public void OnLegFailed(OutboundLeg leg, LegFailure failure)
    {
        var ring = _rings.First(r => ReferenceEquals(r.Leg, leg));
        _rings.Remove(ring);
        _manager.Rung(ring.Member.Interface, ringing: false);
        var ringTime = RingMilliseconds(ring);
        _engine.Ami.AgentRingNoAnswer(Caller, leg.Channel, Queue.Name, ring.Member, ringTime);
        _engine.Ami.DialEnd(Caller, leg.Channel, failure.DialStatus);
        _engine.Destroy(leg.Channel, failure.Cause);
        if (_rings.Count == 0)
        {
            EndAttempt(ring.Member);
        }
    }

    // app_queue's rna() reports AgentRingNoAnswer's RingTime in milliseconds (AgentConnect's RingTime is in seconds).
    private long RingMilliseconds(Ring ring) => (long)(_engine.Clock.Now - ring.Started).TotalMilliseconds;

    private void OnRingTimeout()
    {
        if (_connected is not null || Caller.IsGone)
        {
            return;
        }
        QueueMember? last = null;
        foreach (var ring in _rings.ToArray())
        {
            ring.Leg.Cancel();
            last = ring.Member;
            var ringTime = RingMilliseconds(ring);
            _engine.Ami.AgentRingNoAnswer(Caller, ring.Leg.Channel, Queue.Name, ring.Member, ringTime);
            _engine.Ami.DialEnd(Caller, ring.Leg.Channel, "NOANSWER");
            _engine.Destroy(ring.Leg.Channel, HangupCauses.Unknown);
        }
        ClearRings();
        EndAttempt(last);
    }

    /// <summary>Nobody answered this round: wait <c>retry</c> seconds, then ring again (the next member for linear).</summary>
    private void EndAttempt(QueueMember? lastRung)
    {
        _ringTimeout?.Cancel();
        if (lastRung is not null && Queue.Members.IndexOf(lastRung) is var index and >= 0)
        {
            _linearPosition = (index + 1) % Math.Max(1, Queue.Members.Count);
        }
        if (_noRetry)
        {
            Leave("TIMEOUT");
            return;
        }
        _waitingRetry = true;
        _retryTimer = _engine.Clock.Schedule(TimeSpan.FromSeconds(Queue.Definition.Retry), () =>
        {
            _waitingRetry = false;
            _manager.Kick(Queue);
        }, "queue retry " + Caller.Name);
        Caller.Timers.Add(_retryTimer);
        var queue = Queue;
        _engine.Defer(() => _manager.Kick(queue));
    }

    /// <summary>Forgets the rings of this attempt (the members are free to be rung by others again).</summary>
    private void ClearRings()
    {
        foreach (var ring in _rings)
        {
            _manager.Rung(ring.Member.Interface, ringing: false);
        }
        _rings.Clear();
    }

    private void SetMemberVariables(SimChannel ch, QueueMember m)
    {
        _engine.SetVar(ch, "MEMBERINTERFACE", m.Interface);
        _engine.SetVar(ch, "MEMBERNAME", m.MemberName);
        _engine.SetVar(ch, "MEMBERCALLS", Num(m.CallsTaken));
        _engine.SetVar(ch, "MEMBERLASTCALL", Num(m.LastCall));
        _engine.SetVar(ch, "MEMBERPENALTY", Num(m.Penalty));
        _engine.SetVar(ch, "MEMBERDYNAMIC", m.Dynamic ? "1" : "0");
        _engine.SetVar(ch, "MEMBERREALTIME", "0");
    }

    /// <summary>setqueuevar: the queue's statistics as variables on the channel.</summary>
    private void SetQueueVariables(SimChannel ch)
    {
        if (!Queue.Definition.SetQueueVar)
        {
            return;
        }
        _engine.SetVar(ch, "QUEUENAME", Queue.Name);
        _engine.SetVar(ch, "QUEUEMAX", Num(Queue.Definition.MaxLen));
        _engine.SetVar(ch, "QUEUESTRATEGY", Queue.Definition.StrategyName);
        _engine.SetVar(ch, "QUEUECALLS", Num(Queue.Callers.Count));
        _engine.SetVar(ch, "QUEUEHOLDTIME", Num(Queue.HoldTime));
        _engine.SetVar(ch, "QUEUETALKTIME", Num(Queue.TalkTime));
        _engine.SetVar(ch, "QUEUECOMPLETED", Num(Queue.Completed));
        _engine.SetVar(ch, "QUEUEABANDONED", Num(Queue.Abandoned));
        _engine.SetVar(ch, "QUEUESRVLEVEL", Num(Queue.Definition.ServiceLevel));
        _engine.SetVar(ch, "QUEUESRVLEVELPERF", Queue.ServiceLevelPerf);
    }

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Ring(OutboundLeg Leg, QueueMember Member, DateTimeOffset Started);
}
