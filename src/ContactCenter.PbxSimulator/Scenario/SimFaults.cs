using ContactCenter.PbxSimulator.Ami;

namespace ContactCenter.PbxSimulator;

/// <summary>
/// Fault injection: what goes wrong between Asterisk and its clients in production, on demand. A restart
/// is <see cref="PbxSimulator.RestartAsync"/>; a client that stops reading is dropped by itself after
/// <see cref="PbxSimulatorOptions.WriteTimeout"/>, as Asterisk does.
/// </summary>
public sealed class SimFaults
{
    private readonly PbxSimulator _sim;

    internal SimFaults(PbxSimulator sim) => _sim = sim;

    /// <summary>Cuts every AMI connection at once (no response, no goodbye), like a network failure.</summary>
    public void DropAmiConnections() => _sim.Ami.DropAll("fault: connection dropped");

    /// <summary>Drops every ARI event WebSocket without a close frame (what Asterisk does when it dies or restarts).</summary>
    public void DropAriWebSockets() => _sim.Engine.Run(() => _sim.Engine.Ari.CloseAll(abort: true));

    /// <summary>
    /// Runs every AMI action (and so answers it) this much later in simulated time; <see cref="TimeSpan.Zero"/>
    /// restores immediate answers. Events not caused by actions are not delayed.
    /// </summary>
    public void DelayAmiResponses(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _sim.Ami.Actions.ResponseDelay = delay;
    }

    /// <summary>Answers ARI REST requests this much later in simulated time; zero restores immediate answers.</summary>
    public void DelayAriResponses(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _sim.AriResponseDelay = delay;
    }

    /// <summary>
    /// Answers channels (<c>POST /channels/{id}/answer</c>: the request runs and is answered) this much later in simulated
    /// time, other ARI requests as before; zero restores immediate answers.
    /// </summary>
    public void DelayAriChannelAnswers(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _sim.AriAnswerDelay = delay;
    }

    /// <summary>
    /// Sends every logged-in AMI client a frame that breaks the protocol (a line without a colon inside an
    /// event), between two well-formed events, so a client's resynchronisation can be tested.
    /// </summary>
    public void SendMalformedAmiFrame() => _sim.Engine.Run(() =>
        _sim.Engine.Log.Append("Event: SimulatorFault\r\nPrivilege: system,all\r\nthis line has no colon\r\n\r\n"u8, EventClass.All, target: 0, LogEntryFlags.Raw));
}
