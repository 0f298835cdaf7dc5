using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Calls;

namespace ContactCenter.Connector.Calls;

/// <summary>
/// Correlates the AMI events of one Asterisk server into one clean lifecycle per call (per Linkedid):
/// one <see cref="CallStarted"/>, one <see cref="CallEnded"/>, a queue call collapsed into one call however
/// many members rang, transfers as <see cref="CallTransferred"/> on the same call, recordings tied to it.
/// Pure state machine: decoded events in, domain events appended to the caller's list, no I/O. Single
/// threaded (the server's event pump owns it). Memory is bounded by the live calls: a call's state is
/// dropped when its last channel hangs up.
/// </summary>
internal sealed partial class CallTracker
{
    private readonly string _server;
    private readonly TimeProvider _time;
    private readonly HashSet<string> _trunkDevices;
    private readonly string _featureCodePrefix;
    private readonly Dictionary<string, TrackedChannel> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrackedCall> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _bridges = new(StringComparer.Ordinal);
    private readonly DeviceChannels _devices = new();

    public CallTracker(string server, IEnumerable<string> trunkDevices, string featureCodePrefix, TimeProvider time)
    {
        _server = server;
        _time = time;
        _trunkDevices = new HashSet<string>(trunkDevices, StringComparer.OrdinalIgnoreCase);
        _featureCodePrefix = featureCodePrefix;
    }

    /// <summary>Calls being tracked (feature-code calls included).</summary>
    public int CallCount => _calls.Count;

    /// <summary>Channels being tracked.</summary>
    public int ChannelCount => _channels.Count;

    /// <summary>
    /// True when a queue member's status change on the device comes from feature codes alone (<see cref="DeviceChannels.StatusFromFeatureCodes"/>):
    /// the phone is busy only with codes its agent dialled, or has just become free after them.
    /// </summary>
    public bool StatusFromFeatureCodes(string device, int status) => _devices.StatusFromFeatureCodes(device, status);

    /// <summary>The name of a live channel, for actions that need it (AMI Hangup).</summary>
    public string? ChannelName(string uniqueid) => _channels.TryGetValue(uniqueid, out var channel) ? channel.Name : null;

    /// <summary>Applies one event; the domain events it causes are appended to <paramref name="output"/> in order.</summary>
    public void Apply(AmiEvent e, List<IContactCenterEvent> output)
    {
        switch (e)
        {
            case NewchannelEvent n:
                OnNewchannel(n.Channel, e, learned: false, output);
                break;
            case VarSetEvent v:
                OnVarSet(v);
                break;
            case MixMonitorEvent m:
                OnMixMonitor(m, output);
                break;
            case QueueCallerEvent q:
                OnQueueCaller(q, output);
                break;
            case QueueCallerAbandonEvent a:
                OnAbandon(a, output);
                break;
            case AgentEvent a:
                OnAgent(a, output);
                break;
            case DialEndEvent d:
                OnDialEnd(d);
                break;
            case BridgeEvent b:
                OnBridge(b, output);
                break;
            case BlindTransferEvent t:
                OnBlindTransfer(t, output);
                break;
            case AttendedTransferEvent t:
                OnAttendedTransfer(t, output);
                break;
            case HangupRequestEvent h:
                OnHangupRequest(h);
                break;
            case HangupEvent h:
                OnHangup(h, output);
                break;
        }
    }

    private DateTimeOffset TimeOf(AmiEvent e) => e.Timestamp ?? _time.GetUtcNow();

    private bool IsTrunk(string device) => _trunkDevices.Contains(device);

    private void Track(TrackedChannel channel)
    {
        _channels[channel.Uniqueid] = channel;
        _devices.Add(channel);
    }

    private TrackedChannel? Untrack(string uniqueid)
    {
        if (!_channels.Remove(uniqueid, out var channel))
        {
            return null;
        }
        _devices.Remove(channel);
        return channel;
    }

    private void OnNewchannel(AmiChannel ch, AmiEvent e, bool learned, List<IContactCenterEvent> output)
    {
        if (_channels.ContainsKey(ch.Uniqueid))
        {
            return;
        }
        var isTrunk = IsTrunk(ch.Device);
        _calls.TryGetValue(ch.Linkedid, out var existing);
        var featureCode = existing?.IsFeatureCode ?? (!isTrunk && ch.Exten.StartsWith(_featureCodePrefix, StringComparison.Ordinal));
        var channel = new TrackedChannel(ch, isTrunk, featureCode);
        Track(channel);
        if (existing is not null)
        {
            existing.Channels.Add(ch.Uniqueid);
            return;
        }

        // The first channel of a new call. Phones and trunks start calls in state Ring (4); a channel
        // created by Originate starts Down (0).
        var direction = channel.IsTrunk
            ? ch.State == 0 ? CallDirection.Outbound : CallDirection.Inbound
            : CallDirection.Internal;
        var call = new TrackedCall(ch.Linkedid, channel, direction, ch.CallerIdNum, ch.CallerIdName, ch.Exten, ch.Context,
            TimeOf(e), e.Sequence, featureCode, learned);
        call.Channels.Add(ch.Uniqueid);
        _calls[ch.Linkedid] = call;
        if (!featureCode)
        {
            output.Add(new CallStarted(Guid.NewGuid(), _server, call.StartedAt, call.Linkedid, ch.Uniqueid, ch.Name, direction,
                ch.CallerIdNum, ch.CallerIdName, ch.Exten, ch.Context, learned));
        }
    }

    /// <summary>The tracked channel and its call for an event's channel block, following a Linkedid change.</summary>
    private (TrackedCall Call, TrackedChannel Channel)? Resolve(AmiChannel ch)
    {
        if (!_channels.TryGetValue(ch.Uniqueid, out var channel))
        {
            return null;
        }
        if (ch.Linkedid.Length > 0 && channel.Linkedid != ch.Linkedid && _calls.TryGetValue(ch.Linkedid, out var target))
        {
            // Asterisk moved the channel into another call (transfers merge calls): follow it.
            if (_calls.TryGetValue(channel.Linkedid, out var previous))
            {
                previous.Channels.Remove(channel.Uniqueid);
            }
            channel.Linkedid = ch.Linkedid;
            target.Channels.Add(channel.Uniqueid);
        }
        return _calls.TryGetValue(channel.Linkedid, out var call) ? (call, channel) : null;
    }

    private void OnVarSet(VarSetEvent v)
    {
        if (Resolve(v.Channel) is not var (call, channel))
        {
            return;
        }
        switch (v.Variable)
        {
            case "MIXMONITOR_FILENAME":
                channel.PendingRecordingFile = v.Value;
                break;
            case "QUEUESTATUS":
                call.QueueStatus = v.Value;
                break;
            case "CC_CALL_ID":
                call.CorrelationId = v.Value;
                break;
        }
    }

    private void OnMixMonitor(MixMonitorEvent m, List<IContactCenterEvent> output)
    {
        if (Resolve(m.Channel) is not var (call, channel) || call.IsFeatureCode)
        {
            return;
        }
        var at = TimeOf(m);
        if (m.Started)
        {
            var file = channel.PendingRecordingFile ?? string.Empty;
            channel.Recording = (file, at);
            output.Add(new RecordingStarted(Guid.NewGuid(), _server, at, call.Linkedid, channel.Uniqueid, channel.Name, file));
        }
        else
        {
            StopRecording(call, channel, at, output);
        }
    }

    private void StopRecording(TrackedCall call, TrackedChannel channel, DateTimeOffset at, List<IContactCenterEvent> output)
    {
        if (channel.Recording is not { } recording)
        {
            return;
        }
        channel.Recording = null;
        output.Add(new RecordingStopped(Guid.NewGuid(), _server, at, call.Linkedid, channel.Uniqueid, recording.File,
            Seconds(at - recording.StartedAt)));
    }

    private void OnDialEnd(DialEndEvent d)
    {
        // Without a caller it is the first leg of an Originate: the destination is the call's own channel.
        if ((d.Caller is not null ? Resolve(d.Caller) : Resolve(d.Destination)) is not var (call, _))
        {
            return;
        }
        if (call.Queue is null)
        {
            // Queue legs end with CANCEL whenever another member answers: only plain dials tell why a call failed.
            call.LastDialStatus = d.DialStatus;
        }
        if (call.Direction == CallDirection.Internal && _channels.TryGetValue(d.Destination.Uniqueid, out var destination) && destination.IsTrunk)
        {
            // An agent dialled out to the trunk.
            call.Direction = CallDirection.Outbound;
        }
    }

    private void OnHangupRequest(HangupRequestEvent h)
    {
        if (h.Soft || Resolve(h.Channel) is not var (call, channel) || call.HungUpBy is not null)
        {
            return;
        }
        call.HungUpBy = PartyOf(call, channel);
    }

    private string PartyOf(TrackedCall call, TrackedChannel channel)
    {
        if (channel.IsTrunk)
        {
            return HangupParty.Customer;
        }
        if (channel.MemberInterface is not null || channel.Uniqueid == call.AnsweredUniqueid && call.Queue is not null)
        {
            return HangupParty.Agent;
        }
        if (call.CorrelationId is not null && channel.Uniqueid != call.FirstUniqueid)
        {
            // Originated by the product: the second leg is the agent's phone.
            return HangupParty.Agent;
        }
        return channel.Uniqueid == call.FirstUniqueid ? HangupParty.Caller : HangupParty.Callee;
    }

    private void OnHangup(HangupEvent h, List<IContactCenterEvent> output)
    {
        if (Resolve(h.Channel) is not var (call, channel))
        {
            return;
        }
        var at = TimeOf(h);
        StopRecording(call, channel, at, output);
        if (channel.BridgeId is { } bridge && _bridges.TryGetValue(bridge, out var members))
        {
            members.Remove(channel.Uniqueid);
        }
        Untrack(channel.Uniqueid);
        call.Channels.Remove(channel.Uniqueid);
        if (channel.Uniqueid == call.FirstUniqueid)
        {
            call.Cause = h.Cause;
            call.CauseText = h.CauseText;
        }
        if (call.Channels.Count == 0)
        {
            End(call, at, CallEndReason.Normal, output);
        }
    }

    private void End(TrackedCall call, DateTimeOffset at, string reason, List<IContactCenterEvent> output)
    {
        _calls.Remove(call.Linkedid);
        foreach (var uniqueid in call.Channels)
        {
            Untrack(uniqueid);
        }
        if (call.IsFeatureCode)
        {
            return;
        }
        var hungUpBy = reason == CallEndReason.Normal ? HungUpBy(call) : HangupParty.Unknown;
        if (!call.Answered && reason == CallEndReason.Normal)
        {
            output.Add(new CallMissed(Guid.NewGuid(), _server, at, call.Linkedid, call.FirstUniqueid, call.Direction, call.CallerIdNum,
                call.DialedExtension, MissedReason(call, hungUpBy), call.Queue, Seconds(at - call.StartedAt), call.OfferedTo.ToArray()));
        }
        output.Add(new CallEnded(Guid.NewGuid(), _server, at, call.Linkedid, call.FirstUniqueid, call.Direction, call.Cause, call.CauseText,
            hungUpBy, reason, call.Answered, Seconds(at - call.StartedAt), call.AnsweredAt is { } answered ? Seconds(at - answered) : 0,
            call.AnsweredBy, call.CorrelationId));
    }

    private string HungUpBy(TrackedCall call)
    {
        if (call.CompleteReason is { } reason)
        {
            // app_queue knows who ended an answered queue call.
            return reason switch
            {
                "agent" => HangupParty.Agent,
                "caller" => call.HungUpBy == HangupParty.Customer ? HangupParty.Customer : call.HungUpBy ?? HangupParty.Caller,
                _ => call.HungUpBy ?? HangupParty.System,
            };
        }
        return call.HungUpBy ?? HangupParty.System;
    }

    private static string MissedReason(TrackedCall call, string hungUpBy)
    {
        if (call.Abandoned)
        {
            return CallMissedReason.Abandoned;
        }
        switch (call.QueueStatus)
        {
            case "TIMEOUT":
                return CallMissedReason.QueueTimeout;
            case "JOINEMPTY" or "LEAVEEMPTY" or "JOINUNAVAIL" or "LEAVEUNAVAIL" or "FULL":
                return CallMissedReason.NoAgents;
        }
        switch (call.LastDialStatus)
        {
            case "NOANSWER":
                return CallMissedReason.NoAnswer;
            case "BUSY":
                return CallMissedReason.Busy;
            case "CONGESTION" or "CHANUNAVAIL":
                return CallMissedReason.Failed;
            case "CANCEL":
                return CallMissedReason.CallerHungUp;
        }
        return hungUpBy is HangupParty.Caller or HangupParty.Customer ? CallMissedReason.CallerHungUp : CallMissedReason.Failed;
    }

    private static int Seconds(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)Math.Round(span.TotalSeconds, MidpointRounding.AwayFromZero);
}
