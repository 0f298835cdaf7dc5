using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Calls;

namespace ContactCenter.Connector.Calls;

internal sealed partial class CallTracker
{
    private void OnQueueCaller(QueueCallerEvent q, List<IContactCenterEvent> output)
    {
        if (!q.Joined || Resolve(q.Channel) is not var (call, channel) || call.IsFeatureCode)
        {
            return;
        }
        call.Queue = q.Queue;
        output.Add(new CallQueued(Guid.NewGuid(), _server, TimeOf(q), call.Linkedid, channel.Uniqueid, q.Queue, q.Position, q.Count));
    }

    private void OnAbandon(QueueCallerAbandonEvent a, List<IContactCenterEvent> output)
    {
        if (Resolve(a.Channel) is not var (call, channel) || call.IsFeatureCode)
        {
            return;
        }
        call.Abandoned = true;
        output.Add(new CallAbandoned(Guid.NewGuid(), _server, TimeOf(a), call.Linkedid, channel.Uniqueid, a.Queue, a.Position,
            a.OriginalPosition, a.HoldTime));
    }

    private void OnAgent(AgentEvent a, List<IContactCenterEvent> output)
    {
        if (Resolve(a.Caller) is not var (call, caller) || call.IsFeatureCode)
        {
            return;
        }
        var at = TimeOf(a);
        var memberUniqueid = a.Member?.Uniqueid ?? string.Empty;
        switch (a.Kind)
        {
            case AgentEventKind.Called:
                if (_channels.TryGetValue(memberUniqueid, out var leg))
                {
                    leg.MemberInterface = a.Interface;
                }
                call.OfferedTo.Add(a.Interface);
                output.Add(new CallOffered(Guid.NewGuid(), _server, at, call.Linkedid, caller.Uniqueid, a.Queue, a.Interface, a.MemberName, memberUniqueid));
                break;
            case AgentEventKind.RingNoAnswer:
                // AgentRingNoAnswer's RingTime is in milliseconds (app_queue rna()); AgentConnect's is in seconds.
                output.Add(new CallOfferMissed(Guid.NewGuid(), _server, at, call.Linkedid, caller.Uniqueid, a.Queue, a.Interface, a.MemberName,
                    (int)Math.Round(a.RingTime / 1000.0, MidpointRounding.AwayFromZero)));
                break;
            case AgentEventKind.Connect:
                OnAgentConnect(call, caller, a, at, output);
                break;
            case AgentEventKind.Complete:
                call.CompleteReason = a.Reason;
                break;
        }
    }

    private void OnAgentConnect(TrackedCall call, TrackedChannel caller, AgentEvent a, DateTimeOffset at, List<IContactCenterEvent> output)
    {
        var memberUniqueid = a.Member?.Uniqueid ?? string.Empty;
        if (!call.Answered)
        {
            call.Answered = true;
            call.AnsweredAt = at;
            call.AnsweredBy = a.Interface;
            call.AnsweredUniqueid = memberUniqueid;
            output.Add(new CallAnswered(Guid.NewGuid(), _server, at, call.Linkedid, caller.Uniqueid, a.Interface, memberUniqueid, a.Queue,
                a.MemberName, a.HoldTime, a.RingTime, call.CorrelationId));
            return;
        }
        // Answered before and now connected through a queue again: the call was sent back to a queue.
        var from = call.AnsweredBy ?? string.Empty;
        call.AnsweredBy = a.Interface;
        call.AnsweredUniqueid = memberUniqueid;
        call.CompleteReason = null;
        output.Add(new CallTransferred(Guid.NewGuid(), _server, at, call.Linkedid, "requeue", from, a.Interface, a.Queue));
    }

    private void OnBridge(BridgeEvent b, List<IContactCenterEvent> output)
    {
        if (Resolve(b.Channel) is not var (call, channel))
        {
            return;
        }
        if (!b.Entered)
        {
            if (_bridges.TryGetValue(b.BridgeUniqueid, out var left))
            {
                left.Remove(channel.Uniqueid);
                if (left.Count == 0)
                {
                    _bridges.Remove(b.BridgeUniqueid);
                }
            }
            channel.BridgeId = null;
            return;
        }
        channel.BridgeId = b.BridgeUniqueid;
        if (!_bridges.TryGetValue(b.BridgeUniqueid, out var members))
        {
            _bridges[b.BridgeUniqueid] = members = new HashSet<string>(StringComparer.Ordinal);
        }
        members.Add(channel.Uniqueid);
        if (call.Answered || call.IsFeatureCode || call.Queue is not null || members.Count < 2)
        {
            // Queue calls are answered by AgentConnect, which comes first.
            return;
        }
        // A call without a queue is answered when two of its parties first share a bridge. The answering
        // party is the one that did not start the call (for Originate: the second leg, the agent).
        var answering = members.Select(u => _channels.GetValueOrDefault(u)).OfType<TrackedChannel>()
            .FirstOrDefault(c => c.Uniqueid != call.FirstUniqueid) ?? channel;
        var at = TimeOf(b);
        call.Answered = true;
        call.AnsweredAt = at;
        call.AnsweredBy = answering.Device;
        call.AnsweredUniqueid = answering.Uniqueid;
        output.Add(new CallAnswered(Guid.NewGuid(), _server, at, call.Linkedid, call.FirstUniqueid, answering.Device, answering.Uniqueid,
            null, null, null, null, call.CorrelationId));
    }

    // Asterisk reports failed, invalid and not-permitted transfers too (Result other than Success): the call stays where it was.
    private static bool Succeeded(string result) => string.Equals(result, "Success", StringComparison.OrdinalIgnoreCase);

    private void OnBlindTransfer(BlindTransferEvent t, List<IContactCenterEvent> output)
    {
        var party = t.Transferee ?? t.Transferer;
        if (!Succeeded(t.Result) || party is null || Resolve(party) is not var (call, _) || call.IsFeatureCode)
        {
            return;
        }
        output.Add(new CallTransferred(Guid.NewGuid(), _server, TimeOf(t), call.Linkedid, "blind", t.Transferer?.Device ?? string.Empty,
            $"{t.Extension}@{t.Context}", null));
    }

    private void OnAttendedTransfer(AttendedTransferEvent t, List<IContactCenterEvent> output)
    {
        var party = t.Transferee ?? t.OriginalTransferer;
        if (!Succeeded(t.Result) || party is null || Resolve(party) is not var (call, _) || call.IsFeatureCode)
        {
            return;
        }
        var to = t.TransferTarget?.Device ?? t.SecondTransferer?.Device ?? string.Empty;
        output.Add(new CallTransferred(Guid.NewGuid(), _server, TimeOf(t), call.Linkedid, "attended", t.OriginalTransferer?.Device ?? string.Empty, to, null));
        call.AnsweredBy = to;
    }
}
