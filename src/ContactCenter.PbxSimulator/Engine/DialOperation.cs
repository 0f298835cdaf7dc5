using System.Globalization;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Dialplan;

namespace ContactCenter.PbxSimulator.Engine;

/// <summary>
/// The Dial() application: rings one or more targets (<c>&amp;</c>), bridges the first that answers, and
/// tears down as app_dial does when either side hangs up. Event order follows trace 08.
/// </summary>
internal sealed class DialOperation : IChannelActivity, ILegOwner, IBridgeOwner
{
    private static readonly string[] ResetVariables =
        ["DIALSTATUS", "DIALEDPEERNUMBER", "DIALEDPEERNAME", "ANSWEREDTIME", "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "RINGTIME", "RINGTIME_MS", "PROGRESSTIME", "PROGRESSTIME_MS"];

    private readonly PbxEngine _engine;
    private readonly SimChannel _caller;
    private readonly List<(OutboundLeg Leg, DialTarget Target)> _legs = [];
    private readonly DateTimeOffset _started;
    private SimTimer? _timeout;
    private SimBridge? _bridge;
    private OutboundLeg? _answered;
    private DialTarget? _answeredTarget;
    private DateTimeOffset _answeredAt;
    private string _lastFailure = "NOANSWER";

    private DialOperation(PbxEngine engine, SimChannel caller)
    {
        _engine = engine;
        _caller = caller;
        _started = engine.Clock.Now;
    }

    public static AppResult Exec(PbxEngine engine, SimChannel caller, string data)
    {
        var args = VariableExpander.SplitArgs(data);
        if (args.Count == 0 || args[0].Length == 0)
        {
            throw new DialplanRuntimeException("Dial needs a destination");
        }
        var timeout = args.Count > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? TimeSpan.FromSeconds(t) : (TimeSpan?)null;
        var options = args.Count > 2 ? args[2] : string.Empty;
        if (options.Length > 0)
        {
            throw new DialplanRuntimeException($"Dial options '{options}' are not implemented by the simulator");
        }
        return new DialOperation(engine, caller).Start(args[0], timeout);
    }

    private AppResult Start(string destinations, TimeSpan? timeout)
    {
        foreach (var name in ResetVariables)
        {
            _engine.SetVar(_caller, name, string.Empty);
        }
        foreach (var dialString in destinations.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var target = _engine.ResolveTarget(dialString);
            if (_engine.BehaviourOf(target) is not { } behaviour)
            {
                _lastFailure = "CHANUNAVAIL";
                continue;
            }
            var leg = new OutboundLeg(_engine, this, CreateLeg(target), behaviour);
            _legs.Add((leg, target));
        }
        if (_legs.Count == 0)
        {
            Finish("CHANUNAVAIL");
            return AppResult.Next;
        }
        _caller.Activity = this;
        if (timeout is { } limit)
        {
            _timeout = _engine.Clock.Schedule(limit, OnTimeout, "Dial timeout " + _caller.Name);
            _caller.Timers.Add(_timeout);
        }
        foreach (var (leg, _) in _legs.ToArray())
        {
            if (!leg.IsDone)
            {
                leg.Begin();
            }
        }
        // Even when every leg failed at once, ContinuePbx already resumed the dialplan from OnLegFailed.
        return AppResult.Suspended;
    }

    private SimChannel CreateLeg(DialTarget target)
    {
        var b = _engine.CreateLegChannel(target, _caller, null);
        _engine.SetVar(b, "DIALEDPEERNUMBER", target.Resource);
        b.ConnectedNum = _caller.CallerNum;
        b.ConnectedName = _caller.CallerName;
        b.Exten = _caller.Exten;
        b.Application = "AppDial";
        b.ApplicationData = "(Outgoing Line)";
        _engine.Ami.Newexten(b, b.Exten, "AppDial", "(Outgoing Line)");
        _engine.Ami.NewConnectedLine(b);
        _engine.Ami.DialBegin(_caller, _engine.Ami.DestBlock(b), target.Resource);
        if (_caller.ConnectedNum != b.CallerNum || _caller.ConnectedName != b.CallerName)
        {
            _caller.ConnectedNum = b.CallerNum;
            _caller.ConnectedName = b.CallerName;
            _engine.Ami.NewConnectedLine(_caller);
        }
        return b;
    }

    public void OnLegRinging(OutboundLeg leg)
    {
        var ms = (long)(_engine.Clock.Now - _started).TotalMilliseconds;
        _engine.SetVar(_caller, "RINGTIME", (ms / 1000).ToString(CultureInfo.InvariantCulture));
        _engine.SetVar(_caller, "RINGTIME_MS", Math.Max(1, ms).ToString(CultureInfo.InvariantCulture));
        _engine.Ami.DialState(_caller, leg.Channel, "RINGING");
        leg.Channel.State = ChannelState.Ringing;
        _engine.Ami.Newstate(leg.Channel);
        _engine.UpdateDevice(leg.Channel.Endpoint);
    }

    public void OnLegAnswered(OutboundLeg leg)
    {
        var b = leg.Channel;
        var target = _legs.First(l => ReferenceEquals(l.Leg, leg)).Target;
        _answered = leg;
        _answeredTarget = target;
        _answeredAt = _engine.Clock.Now;
        _timeout?.Cancel();
        b.State = ChannelState.Up;
        b.HadMedia = true;
        b.AnsweredAt ??= _engine.Clock.Now;
        _engine.Ami.Newstate(b);
        if (!_caller.IsUp)
        {
            _engine.AnswerChannel(_caller);
        }
        _engine.SetVar(_caller, "DIALSTATUS", "ANSWER");
        _engine.SetVar(_caller, "DIALEDPEERNAME", b.Name);
        _engine.SetVar(_caller, "DIALEDPEERNUMBER", target.Resource);
        b.Exten = string.Empty;
        _engine.Ami.DialEnd(_caller, b, "ANSWER");
        foreach (var (other, _) in _legs.Where(l => !ReferenceEquals(l.Leg, leg)).ToArray())
        {
            CancelLeg(other, "CANCEL", HangupCauses.Unknown);
        }
        _bridge = _engine.CreateBridge(this);
        _engine.Ami.Newexten(b, b.Exten, "AppDial", "(Outgoing Line)");
        _engine.EnterBridge(_bridge, b);
        _engine.UpdateDevice(b.Endpoint);
        _engine.EnterBridge(_bridge, _caller);
        // The trace shows the peer variables set three times as the bridge settles on its technology.
        for (var i = 0; i < 3; i++)
        {
            _engine.SetBridgePeers(_caller, b);
        }
        _bridge.Technology = "native_rtp";
        b.Activity = this;
        _caller.Activity = this;
        _engine.OnCallerConnected(_caller);
    }

    public void OnLegFailed(OutboundLeg leg, LegFailure failure)
    {
        _lastFailure = failure.DialStatus;
        _engine.Ami.DialEnd(_caller, leg.Channel, failure.DialStatus);
        _legs.RemoveAll(l => ReferenceEquals(l.Leg, leg));
        _engine.Destroy(leg.Channel, failure.Cause);
        if (_legs.Count == 0 && _answered is null)
        {
            _timeout?.Cancel();
            Finish(failure.DialStatus);
            _engine.ContinuePbx(_caller);
        }
    }

    private void OnTimeout()
    {
        if (_answered is not null || _caller.IsGone)
        {
            return;
        }
        foreach (var (leg, _) in _legs.ToArray())
        {
            CancelLeg(leg, "NOANSWER", HangupCauses.NoAnswer);
        }
        Finish("NOANSWER");
        _engine.ContinuePbx(_caller);
    }

    private void CancelLeg(OutboundLeg leg, string status, int cause)
    {
        leg.Cancel();
        _legs.RemoveAll(l => ReferenceEquals(l.Leg, leg));
        _engine.Ami.DialEnd(_caller, leg.Channel, status);
        _engine.Destroy(leg.Channel, cause);
    }

    /// <summary>
    /// The Dial result variables. Asterisk 22 measures DIALEDTIME from the caller channel's creation and
    /// ANSWEREDTIME from the caller's answer (trace 08: the originated channel), not from the dial.
    /// </summary>
    private void Finish(string status)
    {
        var ms = (long)(_engine.Clock.Now - _caller.Created).TotalMilliseconds;
        if (_answered is not null)
        {
            var answeredMs = (long)(_engine.Clock.Now - (_caller.AnsweredAt ?? _answeredAt)).TotalMilliseconds;
            _engine.SetVar(_caller, "ANSWEREDTIME", (answeredMs / 1000).ToString(CultureInfo.InvariantCulture));
            _engine.SetVar(_caller, "ANSWEREDTIME_MS", answeredMs.ToString(CultureInfo.InvariantCulture));
        }
        _engine.SetVar(_caller, "DIALEDTIME", (ms / 1000).ToString(CultureInfo.InvariantCulture));
        _engine.SetVar(_caller, "DIALEDTIME_MS", ms.ToString(CultureInfo.InvariantCulture));
        _engine.SetVar(_caller, "DIALSTATUS", status);
    }

    /// <summary>The caller hung up or was redirected while ringing, or someone in the bridge hung up.</summary>
    public void Interrupt(SimChannel ch, bool hangup)
    {
        if (_bridge is not null)
        {
            OnPartyHangup(_bridge, ch);
            return;
        }
        if (!ReferenceEquals(ch, _caller))
        {
            return;
        }
        _timeout?.Cancel();
        if (!hangup)
        {
            foreach (var (leg, _) in _legs.ToArray())
            {
                CancelLeg(leg, "CANCEL", HangupCauses.Unknown);
            }
            return;
        }
        _engine.HangupDuringApplication(_caller, () =>
        {
            foreach (var (leg, _) in _legs.ToArray())
            {
                CancelLeg(leg, "CANCEL", HangupCauses.Unknown);
            }
            Finish("CANCEL");
        });
    }

    /// <summary>
    /// One side of the bridge hung up: in a basic bridge the other side is hung up too (no 'g' option), so
    /// the dialplan of the caller ends as well.
    /// </summary>
    public void OnPartyHangup(SimBridge bridge, SimChannel party)
    {
        var b = _answered!.Channel;
        if (ReferenceEquals(party, b))
        {
            b.HangingUp = true;
            _engine.EmitRtpStats(b, _caller);
            _engine.EmitHangupRequest(b);
            _engine.ClearBridgePeers(b, _caller);
            _engine.LeaveBridge(bridge, b);
            _engine.LeaveBridge(bridge, _caller);
            _engine.Destroy(b, b.LocalHangupCause ?? HangupCauses.NormalClearing);
            _engine.DestroyBridge(bridge);
            Finish("ANSWER");
            EndCaller();
            return;
        }
        _caller.HangingUp = true;
        _engine.EmitRtpStats(_caller, b);
        _engine.EmitHangupRequest(_caller);
        _engine.ClearBridgePeers(_caller, b);
        _engine.LeaveBridge(bridge, _caller);
        Finish("ANSWER");
        _engine.Ami.SoftHangupRequest(_caller, HangupCauses.NormalClearing);
        _engine.FlushDeviceStates();
        _engine.LeaveBridge(bridge, b);
        _engine.DestroyBridge(bridge);
        _engine.Destroy(_caller, _caller.LocalHangupCause ?? HangupCauses.NormalClearing);
        b.HangingUp = true;
        _engine.EmitRtpStats(b, null);
        _engine.Destroy(b, HangupCauses.NormalClearing);
    }

    private void EndCaller()
    {
        _caller.HangingUp = true;
        _caller.Activity = null;
        _engine.Ami.SoftHangupRequest(_caller, HangupCauses.NormalClearing);
        _engine.FlushDeviceStates();
        _engine.EmitRtpStats(_caller, null);
        _engine.Destroy(_caller, HangupCauses.NormalClearing);
    }
}
