using ContactCenter.PbxSimulator.Channels;

namespace ContactCenter.PbxSimulator.Engine;

/// <summary>What to originate (AMI Originate or ARI POST /channels).</summary>
internal sealed record OriginateRequest(string Channel, TimeSpan Timeout)
{
    public string? Context { get; init; }

    public string? Exten { get; init; }

    public string? Priority { get; init; }

    /// <summary>Stasis application that receives the channel once answered (ARI originate).</summary>
    public string? StasisApp { get; init; }

    public IReadOnlyList<string> StasisArgs { get; init; } = [];

    public string? CallerIdName { get; init; }

    public string? CallerIdNum { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Variables { get; init; } = [];

    /// <summary>ActionID of an AMI Originate, echoed in OriginateResponse.</summary>
    public string? ActionId { get; init; }

    /// <summary>Send the OriginateResponse event (AMI Async: true).</summary>
    public bool AnnounceResponse { get; init; }

    public bool FromAri { get; init; }

    /// <summary>Called with the new channel before it is dialed (ARI answers POST /channels with it, state Down).</summary>
    public Action<SimChannel>? Created { get; init; }

    /// <summary>Called once with the outcome (true = answered), e.g. to answer a synchronous AMI Originate.</summary>
    public Action<bool>? Completed { get; init; }
}

/// <summary>
/// An originate: dial a channel with no caller, and when it answers, send it into the dialplan (or into a
/// Stasis application). OriginateResponse reasons as Asterisk reports them: 4 answered, 5 busy, 3 no
/// answer, 8 congestion, 1 hung up/declined, 0 could not dial at all. Event order follows trace 08.
/// </summary>
internal sealed class OriginateOperation : ILegOwner
{
    private readonly PbxEngine _engine;
    private readonly OriginateRequest _request;
    private SimTimer? _timeout;

    private OriginateOperation(PbxEngine engine, OriginateRequest request)
    {
        _engine = engine;
        _request = request;
    }

    /// <summary>Starts the originate; returns the channel, or null when nothing could be dialed.</summary>
    public static SimChannel? Start(PbxEngine engine, OriginateRequest request) => new OriginateOperation(engine, request).Run();

    private SimChannel? Run()
    {
        var target = _engine.ResolveTarget(_request.Channel);
        if (_engine.BehaviourOf(target) is not { } behaviour)
        {
            Respond(success: false, channel: null, reason: 0);
            return null;
        }
        var o = _engine.CreateLegChannel(target, null, null);
        if (_request.FromAri)
        {
            o.CreatedByAri = true;
            o.AriApp = _request.StasisApp;
        }
        o.Application = "AppDial2";
        o.ApplicationData = "(Outgoing Line)";
        _engine.Ami.Newexten(o, o.Exten, "AppDial2", "(Outgoing Line)");
        foreach (var (name, value) in _request.Variables)
        {
            _engine.SetVar(o, name, value);
        }
        if (_request.CallerIdNum is not null || _request.CallerIdName is not null)
        {
            o.CallerNum = _request.CallerIdNum ?? string.Empty;
            o.CallerName = _request.CallerIdName ?? string.Empty;
            _engine.Ami.NewCallerid(o);
            o.ConnectedNum = o.CallerNum;
            o.ConnectedName = o.CallerName;
            _engine.Ami.NewConnectedLine(o);
        }
        _request.Created?.Invoke(o);
        _engine.Ami.DialBegin(null, _engine.Ami.DestBlock(o), target.Resource);
        var leg = new OutboundLeg(_engine, this, o, behaviour);
        _timeout = _engine.Clock.Schedule(_request.Timeout, () => OnTimeout(leg), "Originate timeout " + o.Name);
        o.Timers.Add(_timeout);
        leg.Begin();
        return o;
    }

    public void OnLegRinging(OutboundLeg leg)
    {
        var o = leg.Channel;
        o.State = ChannelState.Ringing;
        _engine.Ami.Newstate(o);
        _engine.Ami.DialState(null, o, "RINGING");
        _engine.UpdateDevice(o.Endpoint);
    }

    public void OnLegAnswered(OutboundLeg leg)
    {
        var o = leg.Channel;
        _timeout?.Cancel();
        o.State = ChannelState.Up;
        o.HadMedia = true;
        o.AnsweredAt ??= _engine.Clock.Now;
        _engine.Ami.Newstate(o);
        Respond(success: true, o, reason: 4);
        _engine.Ami.DialEnd(null, o, "ANSWER");
        _engine.UpdateDevice(o.Endpoint);
        o.Activity = null;
        if (_request.StasisApp is { } app)
        {
            _engine.EnterStasis(o, app, _request.StasisArgs);
            return;
        }
        if (!_engine.SetLocation(o, _request.Context, _request.Exten, _request.Priority ?? "1"))
        {
            _engine.HangupFromDialplan(o, HangupCauses.NormalClearing);
            return;
        }
        _engine.StartPbx(o);
    }

    public void OnLegFailed(OutboundLeg leg, LegFailure failure)
    {
        _timeout?.Cancel();
        _engine.Ami.DialEnd(null, leg.Channel, failure.DialStatus);
        _engine.Destroy(leg.Channel, failure.Cause);
        _engine.FlushDeviceStates();
        Respond(success: false, null, failure.OriginateReason);
    }

    private void OnTimeout(OutboundLeg leg)
    {
        if (leg.IsDone || leg.Channel.IsGone)
        {
            return;
        }
        leg.Cancel();
        OnLegFailed(leg, LegFailure.NoAnswer);
    }

    private void Respond(bool success, SimChannel? channel, int reason)
    {
        if (_request.AnnounceResponse)
        {
            _engine.Ami.OriginateResponse(_request.ActionId, success, channel?.Name ?? _request.Channel,
                _request.Context, _request.Exten, application: null, data: null, reason, channel?.Uniqueid ?? "<null>",
                channel?.CallerNum ?? _request.CallerIdNum ?? string.Empty, channel?.CallerName ?? _request.CallerIdName ?? string.Empty);
        }
        _request.Completed?.Invoke(success);
    }
}
