using System.Net.Sockets;
using System.Text;
using ContactCenter.Asterisk.Ami;

namespace ContactCenter.PbxSimulator.Tests.Ami;

[TestFixture]
[CancelAfter(20_000)]
public sealed class AmiProtocolTests
{
    [Test]
    public async Task The_banner_comes_first_without_a_blank_line(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.ConnectAsync(sim, ct);

        await Sims.Poll(() => ami.Client.Received.Length > 0, ct);
        await ami.ActionAsync("Action: Ping\r\n", ct);

        Assert.That(Encoding.ASCII.GetString(ami.Client.Received), Does.StartWith("Asterisk Call Manager/11.0.0\r\nResponse: Error\r\n"));
    }

    [Test]
    public async Task Actions_before_login_are_refused_with_Permission_denied_and_the_connection_stays_open(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.ConnectAsync(sim, ct);

        var queueStatus = await ami.ActionAsync("Action: QueueStatus\r\n", ct);
        var unknown = await ami.ActionAsync("Action: NoSuchThing\r\n", ct);
        var login = await ami.ActionAsync("Action: Login\r\nUsername: admin\r\nSecret: admin\r\n", ct);

        Assert.That(queueStatus.Get("Message"), Is.EqualTo("Permission denied"));
        Assert.That(unknown.Get("Message"), Is.EqualTo("Permission denied"), "the login check comes before the action lookup");
        Assert.That(login.Get("Message"), Is.EqualTo("Authentication accepted"));
    }

    [Test]
    public async Task A_wrong_secret_is_answered_after_the_delay_and_the_connection_is_closed(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.ConnectAsync(sim, ct);
        var handled = sim.Ami.Actions.Handled;

        await ami.Client.SendAsync("Action: Login\r\nUsername: admin\r\nSecret: wrong\r\nActionID: bad\r\n\r\n", ct);
        await Sims.Poll(() => sim.Ami.Actions.Handled > handled, ct);
        sim.Clock.Advance(TimeSpan.FromMilliseconds(999));
        var before = ami.Frames.Count;
        sim.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var refused = await ami.Client.WaitForAsync(f => f.ActionId == "bad", ct);
        await ami.Client.WaitClosedAsync(ct);

        Assert.That(before, Is.Zero, "nothing is answered before FailedLoginDelay has elapsed");
        Assert.That(refused.Get("Response"), Is.EqualTo("Error"));
        Assert.That(refused.Get("Message"), Is.EqualTo("Authentication failed"));
    }

    [Test]
    public async Task A_challenge_login_with_the_MD5_key_is_accepted(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.ConnectAsync(sim, ct);

        var challenge = await ami.ActionAsync("Action: Challenge\r\nAuthType: MD5\r\n", ct);
        var nonce = challenge.Get("Challenge")!;
#pragma warning disable CA5351
        var key = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(nonce + "admin")));
#pragma warning restore CA5351
        var login = await ami.ActionAsync($"Action: Login\r\nAuthType: MD5\r\nUsername: admin\r\nKey: {key}\r\n", ct);

        Assert.That(nonce, Has.Length.GreaterThan(5));
        Assert.That(login.Get("Message"), Is.EqualTo("Authentication accepted"));
    }

    [Test]
    public async Task An_unknown_action_is_answered_with_Asterisks_wording(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);

        var response = await ami.ActionAsync("Action: FooBarNoSuchAction\r\n", ct);
        var missing = await ami.ActionAsync("Foo: bar\r\n", ct);

        Assert.That(response.Get("Message"), Is.EqualTo("Invalid/unknown command: FooBarNoSuchAction. Use Action: ListCommands to show available commands."));
        Assert.That(missing.Get("Message"), Is.EqualTo("Missing action in request"));
    }

    [Test]
    public async Task With_timestampevents_every_event_has_Timestamp_as_its_third_line_but_responses_list_items_and_the_login_FullyBooted_do_not(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);

        await ami.ActionAsync("Action: QueueAdd\r\nQueue: support\r\nInterface: PJSIP/6001\r\n", ct);
        var items = await ami.ListAsync("Action: QueueStatus\r\nQueue: support\r\n", ct);
        var added = await ami.WaitForEventAsync("QueueMemberAdded", ct);
        var ping = await ami.ActionAsync("Action: Ping\r\n", ct);
        var fullyBooted = ami.Frames.First(f => f.EventNameString == "FullyBooted");

        Assert.That(added.ToList().Take(3).Select(kv => kv.Key), Is.EqualTo(new[] { "Event", "Privilege", "Timestamp" }));
        Assert.That(added.Get("Timestamp"), Does.Match(@"^\d{10}\.\d{6}$"));
        Assert.That(fullyBooted.Get("Timestamp"), Is.Null);
        Assert.That(items.Select(i => i.Get("Timestamp")), Is.All.Null);
        Assert.That(ami.Frames.Where(f => f.Kind == AmiFrameKind.Response && f.Get("Ping") is null).Select(f => f.Get("Timestamp")), Is.All.Null);
        Assert.That(ping.Get("Timestamp"), Is.Not.Null, "Ping answers carry their own Timestamp");
    }

    [Test]
    public async Task Events_off_at_login_delivers_no_events_and_a_class_list_delivers_only_those_classes(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var silent = await AmiTestClient.LoginAsync(sim, ct, events: "off");
        await using var agentOnly = await AmiTestClient.LoginAsync(sim, ct, events: "agent");
        await using var all = await AmiTestClient.LoginAsync(sim, ct);

        sim.Phone("6002").Dial("**91210");
        await silent.ActionAsync("Action: QueueAdd\r\nQueue: support\r\nInterface: PJSIP/6001\r\n", ct);
        await all.WaitForEventAsync("QueueMemberAdded", ct);
        await agentOnly.WaitForEventAsync("QueueMemberAdded", ct);
        await silent.ActionAsync("Action: Ping\r\n", ct);

        Assert.That(silent.EventNames(), Is.Empty);
        Assert.That(agentOnly.EventNames(), Is.EqualTo(new[] { "QueueMemberAdded" }));
        Assert.That(all.EventNames(), Does.Contain("UserEvent").And.Contain("Newchannel").And.Contain("QueueMemberAdded").And.Contain("FullyBooted"));
    }

    [Test]
    public async Task The_Events_action_changes_the_mask_of_the_session(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);

        var off = await ami.ActionAsync("Action: Events\r\nEventMask: off\r\n", ct);
        sim.Phone("6001").Dial("**91210");
        var on = await ami.ActionAsync("Action: Events\r\nEventMask: user\r\n", ct);
        sim.Phone("6002").Dial("**91210");
        await ami.WaitForEventAsync("UserEvent", ct);

        Assert.That(off.Get("Events"), Is.EqualTo("Off"));
        Assert.That(on.Get("Events"), Is.EqualTo("On"));
        Assert.That(ami.EventNames(), Is.EqualTo(new[] { "FullyBooted", "UserEvent" }));
    }

    [Test]
    public async Task The_product_user_does_not_receive_security_events(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);

        await ami.ActionAsync("Action: NoSuchAction\r\n", ct);

        Assert.That(ami.EventNames(), Is.EqualTo(new[] { "FullyBooted" }), "SuccessfulAuth and RequestBadFormat are class security, not granted by manager.conf");
    }

    [Test]
    public async Task An_action_outside_the_write_classes_of_the_user_is_refused(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct, o => o.WriteClasses = "agent");
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);

        var originate = await ami.ActionAsync("Action: Originate\r\nChannel: PJSIP/6001\r\nExten: 6002\r\nContext: agents\r\n", ct);
        var add = await ami.ActionAsync("Action: QueueAdd\r\nQueue: support\r\nInterface: PJSIP/6001\r\n", ct);

        Assert.That(originate.Get("Message"), Is.EqualTo("Permission denied"));
        Assert.That(add.Get("Message"), Is.EqualTo("Added interface to queue"));
    }

    [Test]
    public async Task A_client_that_stops_reading_is_disconnected_after_writetimeout(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct, o => o.WriteTimeout = TimeSpan.FromMilliseconds(200));
        using var tcp = new TcpClient();
        tcp.ReceiveBufferSize = 4096;
        await tcp.ConnectAsync("127.0.0.1", sim.AmiPort, ct);
        var stream = tcp.GetStream();
        await stream.WriteAsync("Action: Login\r\nUsername: admin\r\nSecret: admin\r\n\r\n"u8.ToArray(), ct);
        await Sims.Poll(() => sim.Ami.Sessions.Any(s => s.IsLoggedIn), ct);

        // The client never reads again while the PBX keeps emitting events.
        sim.Engine.Run(() =>
        {
            for (var i = 0; i < 400_000; i++)
            {
                sim.Engine.Ami.DeviceStateChange("Custom:flood", i % 2 == 0 ? "INUSE" : "NOT_INUSE");
            }
        });

        await Sims.Poll(() => sim.AmiSessions == 0, ct);
        Assert.That(sim.AmiSessions, Is.Zero);
    }
}
