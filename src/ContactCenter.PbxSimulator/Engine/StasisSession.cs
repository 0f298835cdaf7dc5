using ContactCenter.PbxSimulator.Channels;

namespace ContactCenter.PbxSimulator.Engine;

/// <summary>A channel held by a Stasis application (the <c>Stasis()</c> dialplan application or an ARI originate).</summary>
internal sealed class StasisSession(PbxEngine engine, string app, IReadOnlyList<string> args) : IChannelActivity
{
    public string App { get; } = app;

    public IReadOnlyList<string> Args { get; } = args;

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
