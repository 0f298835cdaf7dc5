using ContactCenter.Asterisk.Ami;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.PbxSimulator.Tests.Scenario;

/// <summary>Restart and injected faults.</summary>
[TestFixture]
[CancelAfter(20_000)]
public sealed class FaultTests
{
    [Test]
    public async Task A_restart_ends_every_channel_silently_forgets_dynamic_members_and_refuses_clients_until_it_is_back(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await ami.ActionAsync("Action: QueueAdd\r\nQueue: support\r\nInterface: PJSIP/6001\r\n", ct);
        sim.Customer("+5491145550000").Call("7000");
        Assert.That(sim.Channels, Is.Not.Empty);

        await sim.RestartAsync(ct);
        await ami.Client.WaitClosedAsync(ct);
        await using var tooEarly = await AmiTestClient.ConnectAsync(sim, ct);
        await tooEarly.Client.WaitClosedAsync(ct);
        sim.Clock.Advance(sim.Options.RestartDowntime);
        await using var after = await AmiTestClient.LoginAsync(sim, ct);

        Assert.That(ami.EventNames().Last(), Is.EqualTo("Shutdown"));
        Assert.That(ami.EventNames(), Does.Not.Contain("Hangup"), "channels vanish with the process");
        Assert.That(tooEarly.Client.Received, Is.Empty, "no banner while Asterisk is restarting");
        Assert.That(sim.Channels, Is.Empty);
        Assert.That(sim.QueueMembers("support"), Is.Empty);
        Assert.That(after.Frames.Single(f => f.EventNameString == "FullyBooted").Get("Uptime"), Is.EqualTo("0"));
    }

    [Test]
    public async Task Delayed_responses_are_answered_only_when_the_clock_reaches_the_delay(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        sim.Faults.DelayAmiResponses(TimeSpan.FromSeconds(2));
        var handled = sim.Ami.Actions.Handled;

        await ami.Client.SendAsync("Action: Ping\r\nActionID: slow\r\n\r\n", ct);
        await Sims.Poll(() => sim.Ami.Actions.Handled > handled, ct);
        sim.Clock.Advance(TimeSpan.FromSeconds(1.9));
        var early = ami.Frames.Any(f => f.ActionId == "slow");
        sim.Clock.Advance(TimeSpan.FromSeconds(0.1));
        var pong = await ami.Client.WaitForResponseAsync("slow", ct);

        Assert.That(early, Is.False);
        Assert.That(pong.Get("Ping"), Is.EqualTo("Pong"));
    }

    [Test]
    public async Task A_malformed_frame_is_sent_between_well_formed_events_and_the_client_asks_for_a_resynchronisation(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        var options = new AmiClientOptions { Port = sim.AmiPort, Username = "admin", Secret = "admin" };
        await using var client = new AmiClient(options, NullLogger<AmiClient>.Instance);
        client.Start();
        await client.WaitUntilConnectedAsync(ct);

        sim.Faults.SendMalformedAmiFrame();
        sim.Phone("6001").Dial("**91210");
        var items = new List<AmiStreamItem>();
        while (!items.Any(i => i.Kind == AmiStreamItemKind.Event && i.Frame!.EventNameString == "UserEvent"))
        {
            items.Add(await client.Events.ReadAsync(ct));
        }

        Assert.That(items.Select(i => i.Kind), Does.Contain(AmiStreamItemKind.EventsLost));
        Assert.That(client.State, Is.EqualTo(AmiConnectionState.Connected), "the stream stays in sync past the bad frame");
    }

    [Test]
    public async Task An_unregistered_phone_is_unavailable_to_queues(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await ami.ActionAsync("Action: QueueAdd\r\nQueue: sales\r\nInterface: PJSIP/6001\r\n", ct);

        sim.Phone("6001").Registered = false;
        var status = await ami.WaitForEventAsync("QueueMemberStatus", ct);
        sim.Customer("+5491145550000").Call("7001");

        Assert.That(status.Get("Status"), Is.EqualTo("5"));
        Assert.That(sim.Phone("6001").IsRinging, Is.False);
    }
}
