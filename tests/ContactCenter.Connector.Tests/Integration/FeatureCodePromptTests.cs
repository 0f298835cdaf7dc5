using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Asterisk;
using ContactCenter.Contracts.Channels;
using ContactCenter.Contracts.Commands;
using ContactCenter.Contracts.Queues;
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

    private protected override bool CaptureLogs => true;

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

    [Test]
    public async Task A_phone_answer_on_queue_commands_plays_the_success_prompt_once_Asterisk_answered_all_of_them_and_only_once(CancellationToken ct)
    {
        var call = Sim.Phone("6001").Dial("**1210");
        var channel = await HeldChannelAsync();
        var answer = new PhoneAnswer(channel, Guid.NewGuid(), 2, ["sound:agent-loginok"], ["sound:an-error-has-occurred"]);
        var sales = new AddQueueMember(Guid.NewGuid(), SimulatedPbx.Server, "test", "sales", "PJSIP/6001", "210", null, 0, false, null, answer);
        var support = sales with { CommandId = Guid.NewGuid(), Queue = "support" };

        await Host.SendAsync(sales);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == sales.CommandId), Wait, "the first QueueAdd's result");
        Assert.That(Sim.Playbacks(channel), Is.Empty, "one of two commands answered: the phone still waits");

        await Host.SendAsync(sales);
        await Host.SendAsync(support);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Count(c => c.CommandId == sales.CommandId || c.CommandId == support.CommandId) >= 3,
            Wait, "the repeated and the second QueueAdd's results");
        await Sim.WaitUntilAsync(() => Sim.Playbacks(channel).Count > 0, ct);

        Assert.That(Sim.Playbacks(channel).Select(p => p.MediaUri), Is.EqualTo(new[] { "sound:agent-loginok" }), "a repeated command counts once");
        Assert.That(Sim.QueueMembers("sales").Concat(Sim.QueueMembers("support")).Count(m => m.Interface == "PJSIP/6001"), Is.EqualTo(2));
        Sim.Clock.Advance(TimeSpan.FromSeconds(2));
        await Sim.WaitUntilAsync(() => call.IsGone, ct);
        Assert.That(Host.Events.All.OfType<FeatureCodeTimedOut>(), Is.Empty);
    }

    [Test]
    public async Task The_prompt_waits_for_the_channel_to_be_answered_even_when_Asterisk_answered_the_queue_command_first(CancellationToken ct)
    {
        // The connector answers the channel while it publishes the code; here the answer takes a simulated second.
        Sim.Faults.DelayAriChannelAnswers(TimeSpan.FromSeconds(1));
        var call = Sim.Phone("6001").Dial("**1210");
        var channel = await HeldChannelAsync();
        var answer = new PhoneAnswer(channel, Guid.NewGuid(), 1, ["sound:agent-loginok"], ["sound:an-error-has-occurred"]);
        var add = new AddQueueMember(Guid.NewGuid(), SimulatedPbx.Server, "test", "sales", "PJSIP/6001", "210", null, 0, false, null, answer);

        await Host.SendAsync(add);
        await Sim.WaitUntilAsync(() => Sim.QueueMembers("sales").Any(m => m.Interface == "PJSIP/6001"), ct);
        // Asterisk took the QueueAdd; a prompt not waiting for the answer would be requested within milliseconds.
        await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        Assert.That(Sim.Playbacks(channel), Is.Empty, "no prompt on a channel that is not answered yet");
        Assert.That(call.IsUp, Is.False);
        Assert.That(Host.Events.Of<CommandCompleted>().Where(c => c.CommandId == add.CommandId), Is.Empty, "the command's result waits for the phone's prompt");

        Sim.Clock.Advance(TimeSpan.FromSeconds(1));
        await Sim.WaitUntilAsync(() => Sim.Playbacks(channel).Count > 0, ct);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == add.CommandId), Wait, "QueueAdd's result");

        Assert.That(call.IsUp, Is.True);
        Assert.That(Sim.Playbacks(channel).Select(p => p.MediaUri), Is.EqualTo(new[] { "sound:agent-loginok" }));
        Assert.That(Host.Events.Of<CommandCompleted>().Single(c => c.CommandId == add.CommandId).Succeeded, Is.True);
        Assert.That(Host.Events.All.OfType<FeatureCodeTimedOut>(), Is.Empty, "answered within the deadline");
    }

    [Test]
    public async Task A_phone_answer_plays_the_failure_prompt_at_the_first_command_Asterisk_refuses_without_waiting_for_the_others(CancellationToken ct)
    {
        var call = Sim.Phone("6002").Dial("**21");
        var channel = await HeldChannelAsync();
        var answer = new PhoneAnswer(channel, Guid.NewGuid(), 2, ["sound:beep"], ["sound:an-error-has-occurred"]);
        // 6002 is in no queue: Asterisk answers QueuePause "Interface not found".
        var pause = new PauseQueueMember(Guid.NewGuid(), SimulatedPbx.Server, "test", "support", "PJSIP/6002", true, "1", answer);

        await Host.SendAsync(pause);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == pause.CommandId), Wait, "QueuePause's result");
        await Sim.WaitUntilAsync(() => Sim.Playbacks(channel).Count > 0, ct);

        Assert.That(Host.Events.Of<CommandCompleted>().Single(c => c.CommandId == pause.CommandId).Succeeded, Is.False);
        Assert.That(Sim.Playbacks(channel).Select(p => p.MediaUri), Is.EqualTo(new[] { "sound:an-error-has-occurred" }));
        Sim.Clock.Advance(TimeSpan.FromSeconds(3));
        await Sim.WaitUntilAsync(() => call.IsGone, ct);
        Assert.That(call.HangupCause, Is.EqualTo(16));
    }

    [Test]
    public async Task A_queue_command_with_an_unusable_phone_answer_still_runs_and_completes_and_the_phone_is_left_to_its_deadline(CancellationToken ct)
    {
        var call = Sim.Phone("6003").Dial("**1212");
        var channel = await HeldChannelAsync();
        // As a sender that left out the prompts would send it.
        var answer = new PhoneAnswer(channel, Guid.NewGuid(), 1, null!, null!);
        var add = new AddQueueMember(Guid.NewGuid(), SimulatedPbx.Server, "test", "support", "PJSIP/6003", "212", null, 0, false, null, answer);

        await Host.SendAsync(add);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == add.CommandId), Wait, "QueueAdd's result");

        Assert.That(Host.Events.Of<CommandCompleted>().Single(c => c.CommandId == add.CommandId).Succeeded, Is.True);
        Assert.That(Sim.QueueMembers("support").Select(m => m.Interface), Does.Contain("PJSIP/6003"));
        Assert.That(Sim.Playbacks(channel), Is.Empty);
        Assert.That(Logs!.Entries.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Message),
            Has.Some.Contains($"command {add.CommandId} carries an unusable phone answer"), "the sender's mistake is named");
        Sim.Clock.Advance(TimeSpan.FromSeconds(2));
        await Host.Events.WaitUntilAsync(e => e.OfType<FeatureCodeTimedOut>().Any(), Wait, "FeatureCodeTimedOut");
        Assert.That(call.IsGone || Sim.Playbacks(channel).Count > 0, Is.True, "the deadline answered the phone");
    }

    private async Task<string> HeldChannelAsync()
    {
        await Host.Events.WaitUntilAsync(e => e.OfType<FeatureCodeDialed>().Any(), Wait, "FeatureCodeDialed");
        return Host.Events.Of<FeatureCodeDialed>().Single().ChannelId;
    }
}
