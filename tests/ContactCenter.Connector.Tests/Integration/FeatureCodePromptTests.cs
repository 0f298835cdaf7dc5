using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Asterisk;
using ContactCenter.Contracts.Channels;
using ContactCenter.Contracts.Commands;
using ContactCenter.PbxSimulator;

namespace ContactCenter.Connector.Tests.Integration;

/// <summary>
/// The answer to a feature code on a simulator whose clock only moves when the test says (prompts last as long as
/// the test decides), through the connector and a real RabbitMQ.
/// </summary>
[TestFixture]
[NonParallelizable]
[CancelAfter(90_000)]
public sealed class FeatureCodePromptTests : SimulatedConnectorFixture
{
    private protected override void ConfigureSimulator(PbxSimulatorOptions options) => options.Clock = SimClockMode.Manual;

    [Test]
    public async Task PlayAndHangUp_is_answered_once_the_prompt_started_and_the_phone_is_hung_up_when_the_prompt_ends(CancellationToken ct)
    {
        var call = Sim.Phone("6001").Dial("**1210");
        await Host.Events.WaitUntilAsync(e => e.OfType<FeatureCodeDialed>().Any(), Wait, "FeatureCodeDialed");
        var channel = Host.Events.Of<FeatureCodeDialed>().Single().ChannelId;
        var answer = new PlayAndHangUp(Guid.NewGuid(), SimulatedPbx.Server, "test", channel, ["sound:agent-loginok", "sound:beep"]);

        await Host.SendAsync(answer);
        // The simulated clock stands still, so the prompt cannot have ended when the result comes.
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == answer.CommandId), Wait, "PlayAndHangUp's result");

        Assert.That(Host.Events.Of<CommandCompleted>().Single(c => c.CommandId == answer.CommandId).Outcome, Is.EqualTo(CommandOutcome.Done));
        Assert.That(Sim.Playbacks(channel).Select(p => (p.MediaUri, p.State)), Is.EqualTo(new[] { ("sound:agent-loginok", "playing") }));
        Assert.That(call.IsGone, Is.False);

        Sim.Clock.Advance(TimeSpan.FromSeconds(2));
        await Sim.WaitUntilAsync(() => Sim.Playbacks(channel).Count == 2, ct);
        Sim.Clock.Advance(TimeSpan.FromSeconds(1));
        await Sim.WaitUntilAsync(() => call.IsGone, ct);

        Assert.That(Sim.Playbacks(channel).Select(p => (p.MediaUri, p.State)), Is.EqualTo(new[] { ("sound:agent-loginok", "done"), ("sound:beep", "done") }));
        Assert.That(call.HangupCause, Is.EqualTo(16));
    }
}
