using ContactCenter.PbxSimulator.Channels;

namespace ContactCenter.PbxSimulator.Engine;

/// <summary>A channel held by a Stasis application (the <c>Stasis()</c> dialplan application or an ARI originate).</summary>
internal sealed class StasisSession(PbxEngine engine, string app, IReadOnlyList<string> args) : IChannelActivity
{
    public string App { get; } = app;

    public IReadOnlyList<string> Args { get; } = args;

    /// <summary>
    /// When StasisStart was sent (<see cref="System.Diagnostics.Stopwatch"/> timestamp, wall clock whatever the simulated
    /// clock does), so benchmarks can measure how long the application took to act on the channel.
    /// </summary>
    public long StartSentAt { get; init; }

    public void Interrupt(SimChannel ch, bool hangup)
    {
        if (hangup)
        {
            engine.StasisTeardown(ch);
        }
        else
        {
            engine.LeaveStasis(ch);
        }
    }
}
