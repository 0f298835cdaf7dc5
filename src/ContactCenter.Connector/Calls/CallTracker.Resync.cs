using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Calls;

namespace ContactCenter.Connector.Calls;

internal sealed partial class CallTracker
{
    /// <summary>
    /// Corrects the tracked calls to Asterisk's channel list (<c>CoreShowChannels</c>) taken at stream position
    /// <paramref name="snapshotSequence"/>. Every event before that position must already be applied and none
    /// after it. Calls none of whose channels exist any more end with <see cref="CallEndReason.LostDuringDisconnect"/>;
    /// channels Asterisk has that were never seen start are learned.
    /// </summary>
    public (IReadOnlyList<string> Ended, IReadOnlyList<string> Learned) Reconcile(
        IReadOnlyList<CoreShowChannelEvent> snapshot, long snapshotSequence, List<IContactCenterEvent> output)
    {
        var now = _time.GetUtcNow();
        var alive = new HashSet<string>(snapshot.Select(c => c.Channel.Uniqueid), StringComparer.Ordinal);

        var ended = new List<string>();
        foreach (var call in _calls.Values.Where(c => c.StartSequence < snapshotSequence).ToList())
        {
            foreach (var gone in call.Channels.Where(u => !alive.Contains(u)).ToList())
            {
                // A hang-up the connector did not see: its recording stopped with it.
                call.Channels.Remove(gone);
                if (Untrack(gone) is { } channel)
                {
                    StopRecording(call, channel, now, output);
                }
            }
            if (call.Channels.Count == 0)
            {
                End(call, now, CallEndReason.LostDuringDisconnect, output);
                if (!call.IsFeatureCode)
                {
                    ended.Add(call.Linkedid);
                }
            }
        }

        _devices.ForgetFeatureCodeAftermath();
        var learned = new List<string>();
        foreach (var group in snapshot.Where(c => !_channels.ContainsKey(c.Channel.Uniqueid)).GroupBy(c => c.Channel.Linkedid))
        {
            var isNewCall = !_calls.ContainsKey(group.Key);
            // The channel whose Uniqueid is the Linkedid started the call; learn it first.
            foreach (var item in group.OrderBy(c => c.Channel.Uniqueid == group.Key ? 0 : 1))
            {
                OnNewchannel(item.Channel, item, learned: true, output);
                var channel = _channels[item.Channel.Uniqueid];
                var call = _calls[channel.Linkedid];
                if (item.Application == "Queue")
                {
                    call.Queue = item.ApplicationData.Split(',')[0];
                }
                if (item.BridgeId.Length > 0)
                {
                    LearnBridge(call, channel, item.BridgeId, now, output);
                }
            }
            if (isNewCall && _calls.TryGetValue(group.Key, out var newCall) && !newCall.IsFeatureCode)
            {
                learned.Add(group.Key);
            }
        }
        return (ended, learned);
    }

    private void LearnBridge(TrackedCall call, TrackedChannel channel, string bridgeId, DateTimeOffset now, List<IContactCenterEvent> output)
    {
        channel.BridgeId = bridgeId;
        if (!_bridges.TryGetValue(bridgeId, out var members))
        {
            _bridges[bridgeId] = members = new HashSet<string>(StringComparer.Ordinal);
        }
        members.Add(channel.Uniqueid);
        if (call.Answered || call.IsFeatureCode || members.Count < 2)
        {
            return;
        }
        // Found talking: answered before the connector could see it.
        var answering = members.Select(u => _channels.GetValueOrDefault(u)).OfType<TrackedChannel>()
            .FirstOrDefault(c => c.Uniqueid != call.FirstUniqueid) ?? channel;
        call.Answered = true;
        call.AnsweredAt = now;
        call.AnsweredBy = answering.Device;
        call.AnsweredUniqueid = answering.Uniqueid;
        output.Add(new CallAnswered(Guid.NewGuid(), _server, now, call.Linkedid, call.FirstUniqueid, answering.Device, answering.Uniqueid,
            call.Queue, null, null, null, call.CorrelationId));
    }
}
