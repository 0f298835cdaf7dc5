using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator;

/// <summary>
/// A customer reachable through the carrier trunk: calls in (channel <c>PJSIP/trunk-…</c>, context
/// <c>from-trunk</c>, caller id = the number) and is reached by <c>PJSIP/&lt;number&gt;@trunk</c>.
/// </summary>
public sealed class SimCustomer
{
    private readonly PbxSimulator _sim;

    internal SimCustomer(PbxSimulator sim, string number)
    {
        _sim = sim;
        Number = number;
    }

    public string Number { get; }

    /// <summary>What this customer does when called (Originate / Dial to <c>PJSIP/number@trunk</c>). Default: answer after 2 s.</summary>
    public CallBehaviour IncomingCalls
    {
        get => _sim.Engine.Gate.Run(() => _sim.Engine.Trunk.BehaviourFor(Number));
        set => _sim.Engine.Run(() => _sim.Engine.Trunk.SetBehaviour(Number, value ?? throw new ArgumentNullException(nameof(value))));
    }

    /// <summary>
    /// The customer calls <paramref name="extension"/> through the trunk. Optionally hangs up
    /// <paramref name="talkTime"/> after being connected to someone, or after <paramref name="patience"/> if
    /// nobody answered by then (an abandon).
    /// </summary>
    public SimCall Call(string extension, TimeSpan? talkTime = null, TimeSpan? patience = null, string? callerName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        var script = talkTime is null && patience is null ? null : new InboundScript { TalkTime = talkTime, Patience = patience };
        return _sim.Engine.Run(() =>
            new SimCall(_sim.Engine, _sim.Engine.StartInboundCall(_sim.Engine.Trunk, extension, Number, callerName ?? string.Empty, script), extension));
    }

    /// <summary>Answers a call ringing to this customer (when its behaviour is <see cref="CallBehaviour.Manual"/>).</summary>
    public void Answer() => _sim.Engine.Run(() =>
    {
        var legs = _sim.Engine.RingingLegs(_sim.Engine.Trunk, Number);
        if (legs.Count == 0)
        {
            throw new InvalidOperationException($"No call rings to customer {Number}");
        }
        legs[0].AnswerNow();
    });

    /// <summary>The customer hangs up every call it is on.</summary>
    public void HangUp() => _sim.Engine.Run(() =>
    {
        foreach (var ch in _sim.Engine.LiveChannels.Where(c => ReferenceEquals(c.Endpoint, _sim.Engine.Trunk) && c.RemoteNumber == Number).ToArray())
        {
            _sim.Engine.RemoteHangup(ch);
        }
    });

    public override string ToString() => Number;
}
