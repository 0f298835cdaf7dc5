using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator;

/// <summary>
/// An agent phone (PJSIP endpoint, e.g. 6001) driven by the test: it dials, answers, hangs up, and reacts
/// to incoming calls as <see cref="IncomingCalls"/> says (by default it rings until <see cref="Answer"/>).
/// </summary>
public sealed class SimPhone
{
    private readonly PbxSimulator _sim;
    private readonly Endpoint _endpoint;

    internal SimPhone(PbxSimulator sim, Endpoint endpoint)
    {
        _sim = sim;
        _endpoint = endpoint;
    }

    /// <summary>The endpoint name, e.g. <c>6001</c>.</summary>
    public string Extension => _endpoint.Name;

    /// <summary>The device / queue member interface, e.g. <c>PJSIP/6001</c>.</summary>
    public string Interface => _endpoint.Device;

    /// <summary>What the phone does when a call reaches it (queue, Dial, Originate).</summary>
    public CallBehaviour IncomingCalls
    {
        get => _sim.Engine.Gate.Run(() => _endpoint.Incoming);
        set => _sim.Engine.Run(() => _endpoint.Incoming = value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Whether the phone is registered; an unregistered phone is UNAVAILABLE and cannot be dialed.</summary>
    public bool Registered
    {
        get => _sim.Engine.Gate.Run(() => _endpoint.Registered);
        set => _sim.Engine.Run(() =>
        {
            _endpoint.Registered = value;
            _sim.Engine.UpdateDevice(_endpoint);
        });
    }

    /// <summary>The device state as last announced (NOT_INUSE, INUSE, RINGING, UNAVAILABLE…).</summary>
    public string DeviceState => _sim.Engine.Gate.Run(() => _sim.Engine.DeviceState(_endpoint.Device));

    /// <summary>True while a call rings on the phone.</summary>
    public bool IsRinging => _sim.Engine.Gate.Run(() => _sim.Engine.RingingLegs(_endpoint, null).Count > 0);

    /// <summary>Dials from the phone (a feature code, an extension, a number). A refused call has <see cref="SimCall.Exists"/> false.</summary>
    public SimCall Dial(string extension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        return _sim.Engine.Run(() => new SimCall(_sim.Engine, _sim.Engine.StartInboundCall(_endpoint, extension, null, null, null), extension));
    }

    /// <summary>Answers the call ringing on the phone.</summary>
    /// <exception cref="InvalidOperationException">Nothing rings on this phone.</exception>
    public SimCall Answer() => _sim.Engine.Run(() =>
    {
        var legs = _sim.Engine.RingingLegs(_endpoint, null);
        if (legs.Count == 0)
        {
            throw new InvalidOperationException($"Phone {Extension} is not ringing: nothing to answer");
        }
        legs[0].AnswerNow();
        return new SimCall(_sim.Engine, legs[0].Channel, Extension);
    });

    /// <summary>Hangs up every call of the phone (declines a ringing one).</summary>
    public void HangUp() => _sim.Engine.Run(() =>
    {
        foreach (var ch in _sim.Engine.LiveChannels.Where(c => ReferenceEquals(c.Endpoint, _endpoint)).ToArray())
        {
            _sim.Engine.RemoteHangup(ch);
        }
    });

    /// <summary>Completes when a call rings on the phone.</summary>
    public Task WaitUntilRingingAsync(CancellationToken ct) => _sim.WaitUntilAsync(() => _sim.Engine.RingingLegs(_endpoint, null).Count > 0, ct);

    public override string ToString() => Interface;
}
