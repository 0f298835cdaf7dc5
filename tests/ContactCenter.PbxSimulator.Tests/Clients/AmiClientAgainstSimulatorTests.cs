using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ami.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.PbxSimulator.Tests.Clients;

/// <summary>The product's AMI client against the simulator over real sockets (byte-level edge cases stay in the scripted-server tests).</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class AmiClientAgainstSimulatorTests
{
    private static AmiClient Client(PbxSimulator sim, Action<AmiClientOptions>? configure = null)
    {
        var options = new AmiClientOptions
        {
            Port = sim.AmiPort,
            Username = sim.Options.Username,
            Secret = sim.Options.Secret,
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        };
        configure?.Invoke(options);
        var client = new AmiClient(options, NullLogger<AmiClient>.Instance);
        client.Start();
        return client;
    }

    private static async Task<AmiStreamItem> NextAsync(AmiClient client, Func<AmiStreamItem, bool> match, CancellationToken ct)
    {
        while (true)
        {
            var item = await client.Events.ReadAsync(ct);
            if (match(item))
            {
                return item;
            }
        }
    }

    private static bool IsEvent(AmiStreamItem item, string name) => item.Kind == AmiStreamItemKind.Event && item.Frame!.EventNameString == name;

    [Test]
    public async Task Login_is_announced_before_the_FullyBooted_of_the_session(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var client = Client(sim);

        var first = await client.Events.ReadAsync(ct);
        var second = await client.Events.ReadAsync(ct);

        Assert.That(first.Kind, Is.EqualTo(AmiStreamItemKind.Connected));
        Assert.That(first.Detail, Is.EqualTo("Asterisk Call Manager/11.0.0"));
        Assert.That(second.Frame!.EventNameString, Is.EqualTo("FullyBooted"));
        Assert.That(second.Frame["Timestamp"], Is.Null, "the FullyBooted written after Login carries no Timestamp");
    }

    [Test]
    public async Task A_wrong_secret_never_connects(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct, o => o.Clock = SimClockMode.AutoAdvance);
        await using var client = Client(sim, o => o.Secret = "wrong");

        await Sims.Poll(() => sim.Ami.Actions.Handled >= 2, ct);

        Assert.That(client.State, Is.Not.EqualTo(AmiConnectionState.Connected));
        Assert.That(client.Sessions, Is.Zero);
    }

    [Test]
    public async Task The_MD5_challenge_login_connects(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var client = Client(sim, o => o.UseMd5Challenge = true);

        await client.WaitUntilConnectedAsync(ct);

        Assert.That(client.State, Is.EqualTo(AmiConnectionState.Connected));
    }

    [Test]
    public async Task QueueStatus_returns_the_members_as_list_items_with_the_Complete_event(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var client = Client(sim);
        await client.WaitUntilConnectedAsync(ct);
        await client.SendActionAsync(new AmiAction("QueueAdd").Add("Queue", "support").Add("Interface", "PJSIP/6001").Add("MemberName", "Agent 6001"), ct);
        await client.SendActionAsync(new AmiAction("QueuePause").Add("Queue", "support").Add("Interface", "PJSIP/6001").Add("Paused", true).Add("Reason", "lunch"), ct);

        var status = await client.SendActionAsync(new AmiAction("QueueStatus").Add("Queue", "support"), ct);

        Assert.That(status.Items.Select(i => i.EventNameString), Is.EqualTo(new[] { "QueueParams", "QueueMember" }));
        var member = AmiEventDecoder.DecodeQueueMemberItem(status.Items[1]);
        Assert.That(member.Interface, Is.EqualTo("PJSIP/6001"));
        Assert.That(member.Paused, Is.True);
        Assert.That(member.PausedReason, Is.EqualTo("lunch"));
        Assert.That(status.ListComplete!["ListItems"], Is.EqualTo("2"));
    }

    [Test]
    public async Task An_error_response_surfaces_as_an_action_exception_with_Asterisks_message(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var client = Client(sim);
        await client.WaitUntilConnectedAsync(ct);

        var error = Assert.ThrowsAsync<AmiActionException>(() => client.SendActionAsync(new AmiAction("QueueAdd").Add("Queue", "nosuchqueue").Add("Interface", "PJSIP/6001"), ct));

        Assert.That(error!.AsteriskMessage, Is.EqualTo("Unable to add interface to queue: No such queue"));
    }

    [Test]
    public async Task Pause_events_decode_into_typed_member_events(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var client = Client(sim);
        await client.WaitUntilConnectedAsync(ct);
        await client.SendActionAsync(new AmiAction("QueueAdd").Add("Queue", "support").Add("Interface", "PJSIP/6001"), ct);
        await client.SendActionAsync(new AmiAction("QueuePause").Add("Interface", "PJSIP/6001").Add("Paused", true).Add("Reason", "training"), ct);

        var item = await NextAsync(client, i => IsEvent(i, "QueueMemberPause"), ct);
        var decoded = (QueueMemberEvent)new AmiEventDecoder().Decode(item.Frame!)!;

        Assert.That(decoded.Kind, Is.EqualTo(QueueMemberEventKind.Pause));
        Assert.That(decoded.Member.PausedReason, Is.EqualTo("training"));
        Assert.That(decoded.Timestamp, Is.EqualTo(sim.Clock.Now), "the Timestamp header is the (simulated) event time");
    }

    [Test]
    public async Task After_a_dropped_connection_the_client_reconnects_and_logs_in_again(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var client = Client(sim);
        await client.WaitUntilConnectedAsync(ct);

        sim.Faults.DropAmiConnections();
        var dropped = await NextAsync(client, i => i.Kind == AmiStreamItemKind.Disconnected, ct);
        await NextAsync(client, i => i.Kind == AmiStreamItemKind.Connected, ct);
        var ping = await client.SendActionAsync(new AmiAction("Ping"), ct);

        Assert.That(dropped.Detail, Is.Not.Empty);
        Assert.That(ping["Ping"], Is.EqualTo("Pong"));
        Assert.That(client.Sessions, Is.EqualTo(2));
    }

    [Test]
    public async Task After_a_restart_the_client_sees_Shutdown_then_reconnects_to_a_fresh_Asterisk_without_the_dynamic_members(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var client = Client(sim);
        await client.WaitUntilConnectedAsync(ct);
        await client.SendActionAsync(new AmiAction("QueueAdd").Add("Queue", "support").Add("Interface", "PJSIP/6001"), ct);
        sim.Clock.Advance(TimeSpan.FromMinutes(5));

        await sim.RestartAsync(ct);
        var shutdown = await NextAsync(client, i => IsEvent(i, "Shutdown"), ct);
        await NextAsync(client, i => i.Kind == AmiStreamItemKind.Disconnected, ct);
        sim.Clock.Advance(sim.Options.RestartDowntime);
        await NextAsync(client, i => i.Kind == AmiStreamItemKind.Connected, ct);
        var booted = await NextAsync(client, i => IsEvent(i, "FullyBooted"), ct);

        Assert.That(shutdown.Frame!["Shutdown"], Is.EqualTo("Cleanly"));
        Assert.That(shutdown.Frame["Restart"], Is.EqualTo("True"));
        Assert.That(booted.Frame!["Uptime"], Is.EqualTo("0"));
        Assert.That(sim.QueueMembers("support"), Is.Empty, "persistentmembers = no");
    }

    [Test]
    public async Task An_async_Originate_is_answered_at_once_and_its_OriginateResponse_arrives_as_an_event(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var client = Client(sim);
        await client.WaitUntilConnectedAsync(ct);
        sim.Customer("+5491145550000").IncomingCalls = CallBehaviour.AnswerAfter(TimeSpan.FromSeconds(4));

        var response = await client.SendActionAsync(new AmiAction("Originate").Add("Channel", "PJSIP/+5491145550000@trunk")
            .Add("Context", "cc-originate").Add("Exten", "agent").Add("Priority", 1).Add("Async", true)
            .Add("Variable", "CC_CALL_ID=42").Add("Variable", "CC_AGENT_INTERFACE=PJSIP/6001"), ct);
        sim.Clock.Advance(TimeSpan.FromSeconds(4));
        var originate = await NextAsync(client, i => IsEvent(i, "OriginateResponse"), ct);

        Assert.That(response.Message, Is.EqualTo("Originate successfully queued"));
        Assert.That(originate.Frame!["Reason"], Is.EqualTo("4"));
        Assert.That(originate.Frame["ActionID"], Is.EqualTo(response.ActionId));
        await sim.Phone("6001").WaitUntilRingingAsync(ct);
    }
}
