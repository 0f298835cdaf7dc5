using ContactCenter.PbxSimulator.Channels;

namespace ContactCenter.PbxSimulator.Engine;

/// <summary>Where a dial string points: <c>PJSIP/6001</c> (a phone) or <c>PJSIP/+5491145550000@trunk</c> (a number on the trunk).</summary>
internal sealed record DialTarget(string DialString, Endpoint? Endpoint, string? Number, string Resource);

internal sealed partial class PbxEngine
{
    public DialTarget ResolveTarget(string dialString)
    {
        var text = dialString.Trim();
        if (!text.StartsWith("PJSIP/", StringComparison.OrdinalIgnoreCase))
        {
            return new DialTarget(text, null, null, text);
        }
        var resource = text[6..];
        var at = resource.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            var number = resource[..at];
            return new DialTarget(text, Endpoints.GetValueOrDefault(resource[(at + 1)..]), number, resource);
        }
        return new DialTarget(text, Endpoints.GetValueOrDefault(resource), null, resource);
    }

    /// <summary>The scripted behaviour of whoever answers at <paramref name="target"/>, or null when nothing can be reached.</summary>
    public CallBehaviour? BehaviourOf(DialTarget target)
    {
        if (target.Endpoint is not { Registered: true } endpoint)
        {
            return null;
        }
        var behaviour = endpoint.IsTrunk ? endpoint.BehaviourFor(target.Number) : endpoint.Incoming;
        return behaviour.Outcome == CallOutcome.Unavailable ? null : behaviour;
    }

    /// <summary>Creates the channel of a dialed leg (state Down, exten <c>s</c>) and announces it.</summary>
    public SimChannel CreateLegChannel(DialTarget target, SimChannel? caller, string? linkedid)
    {
        var endpoint = target.Endpoint!;
        var ch = CreateChannel(endpoint, ChannelDirection.Outbound, linkedid ?? caller?.Linkedid, target.Number, NewUuid());
        ch.State = ChannelState.Down;
        if (endpoint.IsTrunk)
        {
            ch.CallerNum = caller?.CallerNum ?? string.Empty;
            ch.CallerName = caller?.CallerName ?? string.Empty;
        }
        else
        {
            ch.CallerNum = endpoint.CallerIdNum;
            ch.CallerName = endpoint.CallerIdName;
        }
        ch.Context = endpoint.Context;
        ch.Exten = "s";
        ch.Priority = 1;
        Ami.Newchannel(ch);
        AnnounceChannel(ch);
        return ch;
    }

    /// <summary>The BRIDGEPEER / BRIDGEPVTCALLID variables set when two channels meet in a bridge.</summary>
    public void SetBridgePeers(SimChannel first, SimChannel second)
    {
        SetVar(first, "BRIDGEPEER", second.Name);
        SetVar(first, "BRIDGEPVTCALLID", second.ProtocolId);
        SetVar(second, "BRIDGEPEER", first.Name);
        SetVar(second, "BRIDGEPVTCALLID", first.ProtocolId);
    }

    public void ClearBridgePeers(SimChannel first, SimChannel second)
    {
        SetVar(first, "BRIDGEPEER", string.Empty);
        SetVar(first, "BRIDGEPVTCALLID", string.Empty);
        if (!second.IsGone)
        {
            SetVar(second, "BRIDGEPEER", string.Empty);
            SetVar(second, "BRIDGEPVTCALLID", string.Empty);
        }
    }

    public SimBridge CreateBridge(IBridgeOwner? owner) => RegisterBridge(new SimBridge(NewUuid(), Clock.Now) { Owner = owner });

    public SimBridge RegisterBridge(SimBridge bridge)
    {
        _bridges[bridge.Id] = bridge;
        Ami.BridgeCreate(bridge);
        return bridge;
    }

    public void EnterBridge(SimBridge bridge, SimChannel ch)
    {
        bridge.Channels.Add(ch);
        ch.Bridge = bridge;
        Ami.BridgeEnter(bridge, ch);
    }

    public void LeaveBridge(SimBridge bridge, SimChannel ch)
    {
        bridge.Channels.Remove(ch);
        ch.Bridge = null;
        Ami.BridgeLeave(bridge, ch);
    }

    public void DestroyBridge(SimBridge bridge)
    {
        _bridges.Remove(bridge.Id);
        Ami.BridgeDestroy(bridge);
    }

    /// <summary>A scripted caller is connected: its talk time starts and its patience no longer matters.</summary>
    public void OnCallerConnected(SimChannel caller)
    {
        if (caller.Script is not { } script || script.Connected)
        {
            if (caller.Script is null)
            {
                CallsConnected++;
            }
            return;
        }
        script.Connected = true;
        CallsConnected++;
        script.PatienceTimer?.Cancel();
        if (script.TalkTime is { } talk)
        {
            caller.Timers.Add(Clock.Schedule(talk, () => RemoteHangup(caller), "talk time " + caller.Name));
        }
    }

    /// <summary>Legs ringing on an endpoint (for a trunk, to <paramref name="number"/>), oldest first.</summary>
    public List<OutboundLeg> RingingLegs(Endpoint endpoint, string? number)
    {
        var legs = new List<OutboundLeg>();
        foreach (var ch in _live)
        {
            if (ReferenceEquals(ch.Endpoint, endpoint) && ch.Activity is OutboundLeg { IsRinging: true } leg && (number is null || ch.RemoteNumber == number))
            {
                legs.Add(leg);
            }
        }
        return legs;
    }
}
