using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Asterisk;
using ContactCenter.Contracts.Channels;
using ContactCenter.Contracts.Commands;
using ContactCenter.PbxSimulator;
using Pbx = ContactCenter.PbxSimulator.PbxSimulator;

namespace ContactCenter.Connector.Tests.Integration;

/// <summary>
/// The answer to a feature code on a simulator whose clock only moves when the test says (prompts last as long as
/// the test decides), through the connector and a real RabbitMQ.
/// </summary>
[TestFixture]
[NonParallelizable]
[CancelAfter(90_000)]
public sealed class FeatureCodePromptTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private string _vhost = null!;
    private TempDirectory _dir = null!;
    private Pbx _sim = null!;
    private ConnectorTestHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _vhost = RabbitMqBroker.CreateVirtualHost();
        _dir = new TempDirectory();
        _sim = await SimulatedPbx.StartAsync(o => o.Clock = SimClockMode.Manual);
        _host = await ConnectorTestHost.StartAsync(_vhost, _dir.File("connector.db"), settings: SimulatedPbx.Settings(_sim));
        await _host.Events.WaitUntilAsync(e => e.OfType<AsteriskResynchronized>().Any() && e.OfType<AsteriskConnected>().Any(c => c.Interface == "ari"),
            Wait, "the connector connected and resynchronised");
    }

    [TearDown]
    public async Task TearDown()
    {
        await _host.DisposeAsync();
        await _sim.DisposeAsync();
        RabbitMqBroker.DeleteVirtualHost(_vhost);
        _dir.Dispose();
    }

    [Test]
    public async Task PlayAndHangUp_is_answered_once_the_prompt_started_and_the_phone_is_hung_up_when_the_prompt_ends(CancellationToken ct)
    {
        var call = _sim.Phone("6001").Dial("**1210");
        await _host.Events.WaitUntilAsync(e => e.OfType<FeatureCodeDialed>().Any(), Wait, "FeatureCodeDialed");
        var channel = _host.Events.Of<FeatureCodeDialed>().Single().ChannelId;
        var answer = new PlayAndHangUp(Guid.NewGuid(), SimulatedPbx.Server, "test", channel, ["sound:agent-loginok", "sound:beep"]);

        await _host.SendAsync(answer);
        // The simulated clock stands still, so the prompt cannot have ended when the result comes.
        await _host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == answer.CommandId), Wait, "PlayAndHangUp's result");

        Assert.That(_host.Events.Of<CommandCompleted>().Single(c => c.CommandId == answer.CommandId).Outcome, Is.EqualTo(CommandOutcome.Done));
        Assert.That(_sim.Playbacks(channel).Select(p => (p.MediaUri, p.State)), Is.EqualTo(new[] { ("sound:agent-loginok", "playing") }));
        Assert.That(call.IsGone, Is.False);

        _sim.Clock.Advance(TimeSpan.FromSeconds(2));
        await _sim.WaitUntilAsync(() => _sim.Playbacks(channel).Count == 2, ct);
        _sim.Clock.Advance(TimeSpan.FromSeconds(1));
        await _sim.WaitUntilAsync(() => call.IsGone, ct);

        Assert.That(_sim.Playbacks(channel).Select(p => (p.MediaUri, p.State)), Is.EqualTo(new[] { ("sound:agent-loginok", "done"), ("sound:beep", "done") }));
        Assert.That(call.HangupCause, Is.EqualTo(16));
    }
}
