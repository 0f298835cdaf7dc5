using System.Globalization;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator.Queues;

internal sealed partial class QueueCall
{
    /// <summary>The caller hung up or was redirected; or, once connected, either side hung up.</summary>
    public void Interrupt(SimChannel ch, bool hangup)
    {
        if (_bridge is not null)
        {
            OnPartyHangup(_bridge, ch);
            return;
        }
        if (!ReferenceEquals(ch, Caller))
        {
            return;
        }
        if (hangup)
        {
            Abandon();
        }
        else
        {
            CancelRings(twice: false);
            _engine.Ami.MusicOnHoldStop(Caller);
            RemoveFromQueue();
        }
    }

    /// <summary>
    /// The caller hung up while waiting (trace 07): DialEnd CANCEL twice for a ringing member, the wait
    /// variables, QueueCallerAbandon between two sets of queue variables, then QueueCallerLeave.
    /// </summary>
    private void Abandon()
    {
        StopTimers();
        _engine.HangupDuringApplication(Caller, () =>
        {
            _engine.Ami.MusicOnHoldStop(Caller);
            foreach (var ring in _rings)
            {
                ring.Leg.Cancel();
                _engine.Ami.DialEnd(Caller, ring.Leg.Channel, "CANCEL");
                _engine.Ami.DialEnd(Caller, ring.Leg.Channel, "CANCEL");
            }
            var now = _engine.Clock.Now;
            var wait = PbxEngine.SecondsBetween(Joined, now);
            var dialedMs = (long)(now - Caller.Created).TotalMilliseconds;
            _engine.SetVar(Caller, "QUEUEWAIT", Num(wait));
            _engine.SetVar(Caller, "QUEUEWAIT_MS", Num(wait * 1000));
            _engine.SetVar(Caller, "DIALEDTIME", Num(dialedMs / 1000));
            _engine.SetVar(Caller, "DIALEDTIME_MS", Num(dialedMs));
            _engine.SetVar(Caller, "ANSWEREDTIME", "0");
            _engine.SetVar(Caller, "ANSWEREDTIME_MS", "0");
            _engine.SetVar(Caller, "ABANDONED", "TRUE");
            SetQueueVariables(Caller);
            Queue.Abandoned++;
            _engine.CallsAbandoned++;
            if (wait <= Queue.Definition.ServiceLevel)
            {
                Queue.AbandonedInServiceLevel++;
            }
            _engine.Ami.QueueCallerAbandon(Caller, Queue.Name, Position, OriginalPosition, wait);
            SetQueueVariables(Caller);
            foreach (var ring in _rings)
            {
                _engine.Destroy(ring.Leg.Channel, HangupCauses.Unknown);
            }
            ClearRings();
            RemoveFromQueue();
        });
    }

    /// <summary>Leaves the queue and goes on in the dialplan with QUEUESTATUS (LEAVEEMPTY, TIMEOUT).</summary>
    public void Leave(string status)
    {
        if (_connected is not null || Caller.IsGone || !Queue.Callers.Contains(this))
        {
            return;
        }
        StopTimers();
        CancelRings(twice: false);
        _engine.Ami.MusicOnHoldStop(Caller);
        RemoveFromQueue();
        _engine.SetVar(Caller, "QUEUESTATUS", status);
        _engine.ContinuePbx(Caller);
    }

    /// <summary>
    /// One side of the connected call hung up (trace 06 for the caller): AgentComplete, the peers cleared,
    /// the statistics updated and set again as variables, then both channels end.
    /// </summary>
    public void OnPartyHangup(SimBridge bridge, SimChannel party)
    {
        var agent = _connected!.Leg.Channel;
        var member = _connected.Member;
        var byCaller = ReferenceEquals(party, Caller);
        var now = _engine.Clock.Now;
        var talk = PbxEngine.SecondsBetween(_connectedAt, now);
        party.HangingUp = true;
        _engine.EmitRtpStats(party, byCaller ? agent : Caller);
        _engine.EmitHangupRequest(party);
        _engine.Ami.AgentComplete(Caller, agent, Queue.Name, member, _holdTime, talk, byCaller ? "caller" : "agent");
        _engine.ClearBridgePeers(party, byCaller ? agent : Caller);
        _engine.LeaveBridge(bridge, party);
        if (!byCaller)
        {
            _engine.Destroy(agent, agent.LocalHangupCause ?? HangupCauses.NormalClearing);
        }
        Queue.Completed++;
        Queue.TalkTime = SimQueue.Average(Queue.TalkTime, talk);
        if (_holdTime <= Queue.Definition.ServiceLevel)
        {
            Queue.CompletedInServiceLevel++;
        }
        member.CallsTaken++;
        member.LastCall = now.ToUnixTimeSeconds();
        member.InCall = false;
        _manager.CallEnded(Queue, member);
        SetQueueVariables(Caller);
        var answeredMs = (long)(now - _connectedAt).TotalMilliseconds;
        var dialedMs = (long)(now - Caller.Created).TotalMilliseconds;
        _engine.SetVar(Caller, "ANSWEREDTIME", Num(answeredMs / 1000));
        _engine.SetVar(Caller, "ANSWEREDTIME_MS", Num(answeredMs));
        _engine.SetVar(Caller, "DIALEDTIME", Num(dialedMs / 1000));
        _engine.SetVar(Caller, "DIALEDTIME_MS", Num(dialedMs));
        SetQueueVariables(Caller);
        if (!byCaller && _continueOnCalleeHangup)
        {
            _engine.LeaveBridge(bridge, Caller);
            _engine.DestroyBridge(bridge);
            _engine.ContinuePbx(Caller);
            return;
        }
        Caller.HangingUp = true;
        Caller.Activity = null;
        _engine.Ami.SoftHangupRequest(Caller, HangupCauses.NormalClearing);
        _engine.FlushDeviceStates();
        if (byCaller)
        {
            _engine.LeaveBridge(bridge, agent);
            _engine.DestroyBridge(bridge);
            _engine.Destroy(Caller, Caller.LocalHangupCause ?? HangupCauses.NormalClearing);
            agent.HangingUp = true;
            _engine.EmitRtpStats(agent, null);
            _engine.Destroy(agent, HangupCauses.NormalClearing);
        }
        else
        {
            _engine.LeaveBridge(bridge, Caller);
            _engine.DestroyBridge(bridge);
            _engine.EmitRtpStats(Caller, null);
            _engine.Destroy(Caller, HangupCauses.NormalClearing);
        }
    }

    private void CancelRings(bool twice)
    {
        foreach (var ring in _rings)
        {
            ring.Leg.Cancel();
            _engine.Ami.DialEnd(Caller, ring.Leg.Channel, "CANCEL");
            if (twice)
            {
                _engine.Ami.DialEnd(Caller, ring.Leg.Channel, "CANCEL");
            }
            _engine.Destroy(ring.Leg.Channel, HangupCauses.Unknown);
        }
        ClearRings();
    }

    private void RemoveFromQueue()
    {
        var position = Position;
        if (position == 0)
        {
            return;
        }
        Queue.Callers.Remove(this);
        _manager.UpdateQueueDevice(Queue);
        _engine.Ami.QueueCallerLeave(Caller, Queue.Name, position, Queue.Callers.Count);
        _engine.SetVar(Caller, "QUEUEPOSITION", position.ToString(CultureInfo.InvariantCulture));
        var queue = Queue;
        _engine.Defer(() => _manager.Kick(queue));
    }

    private void StopTimers()
    {
        _ringTimeout?.Cancel();
        _retryTimer?.Cancel();
        _queueTimeout?.Cancel();
        _waitingRetry = false;
    }
}
