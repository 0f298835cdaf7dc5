using System.Text;
using ContactCenter.Asterisk.Ami;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Asterisk.Tests.Ami;

[TestFixture]
[CancelAfter(30_000)]
public sealed class AmiClientTests
{
    private ScriptedAmiServer _server = null!;
    private CapturingLoggerProvider _logs = null!;
    private ILoggerFactory _loggerFactory = null!;

    [SetUp]
    public void SetUp()
    {
        _server = new ScriptedAmiServer();
        _logs = new CapturingLoggerProvider();
        _loggerFactory = _logs.CreateFactory();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _server.DisposeAsync();
        _loggerFactory.Dispose();
    }

    private AmiClient NewClient(AmiClientOptions? options = null)
    {
        var client = new AmiClient(options ?? _server.ClientOptions(), _loggerFactory.CreateLogger<AmiClient>());
        client.Start();
        return client;
    }

    private static async Task<AmiStreamItem> NextAsync(AmiClient client, CancellationToken ct, Func<AmiStreamItem, bool>? match = null)
    {
        while (true)
        {
            var item = await client.Events.ReadAsync(ct);
            if (match is null || match(item))
            {
                return item;
            }
        }
    }

    [Test]
    public async Task Login_announces_Connected_before_the_first_event_of_the_session(CancellationToken ct)
    {
        await using var client = NewClient();

        var first = await NextAsync(client, ct);
        var second = await NextAsync(client, ct);

        Assert.That(first.Kind, Is.EqualTo(AmiStreamItemKind.Connected));
        Assert.That(first.Detail, Is.EqualTo("Asterisk Call Manager/11.0.0"));
        Assert.That(second.Kind, Is.EqualTo(AmiStreamItemKind.Event));
        Assert.That(second.Frame!.EventNameString, Is.EqualTo("FullyBooted"));
        Assert.That(client.State, Is.EqualTo(AmiConnectionState.Connected));
        var login = _server.LastSession.Actions.First();
        Assert.That(login["Action"], Is.EqualTo("Login"));
        Assert.That(login["Events"], Is.EqualTo("on"));
    }

    [Test]
    public async Task A_wrong_secret_is_refused_and_logged_and_the_client_keeps_retrying_without_connecting(CancellationToken ct)
    {
        await using var client = NewClient(_server.ClientOptions(secret: "wrongsecret"));

        while (_server.Sessions.Count < 3)
        {
            await Task.Delay(20, ct);
        }

        Assert.That(client.State, Is.Not.EqualTo(AmiConnectionState.Connected));
        Assert.That(client.Events.TryRead(out _), Is.False, "no Connected notice for a refused login");
        Assert.That(_logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("refused: Authentication failed", StringComparison.Ordinal)));
        var error = Assert.ThrowsAsync<AmiConnectionException>(() => client.SendActionAsync(new AmiAction("Ping"), ct));
        Assert.That(error!.Message, Does.Contain("not connected"));
    }

    [Test]
    public async Task Challenge_login_sends_the_MD5_key_and_never_the_secret(CancellationToken ct)
    {
        var options = _server.ClientOptions();
        options.UseMd5Challenge = true;
        await using var client = NewClient(options);

        await client.WaitUntilConnectedAsync(ct);

        var actions = _server.LastSession.Actions.ToList();
        Assert.That(actions[0]["Action"], Is.EqualTo("Challenge"));
        Assert.That(actions[0]["AuthType"], Is.EqualTo("MD5"));
        Assert.That(actions[1]["Action"], Is.EqualTo("Login"));
        Assert.That(actions[1]["Key"], Has.Length.EqualTo(32));
        Assert.That(actions[1]["Secret"], Is.Null);
    }

    [Test]
    public async Task Permission_denied_surfaces_as_an_action_error_that_says_the_session_is_not_logged_in(CancellationToken ct)
    {
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "QueueStatus")
            {
                return false;
            }
            await session.SendAsync($"Response: Error\r\nActionID: {action.ActionId}\r\nMessage: Permission denied\r\n\r\n");
            return true;
        };
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var error = Assert.ThrowsAsync<AmiActionException>(() => client.SendActionAsync(new AmiAction("QueueStatus"), ct));

        Assert.That(error!.Action, Is.EqualTo("QueueStatus"));
        Assert.That(error.AsteriskMessage, Is.EqualTo("Permission denied"));
        Assert.That(error.Message, Does.Contain("not logged in"));
        Assert.That(error.ActionId, Is.Not.Empty);
    }

    [Test]
    public async Task Responses_are_matched_by_ActionID_while_events_interleave_and_responses_come_out_of_order(CancellationToken ct)
    {
        var held = new List<AmiFrame>();
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "Getvar")
            {
                return false;
            }
            held.Add(action);
            if (held.Count < 3)
            {
                return true;
            }
            // Answer the three in reverse order, with events in between.
            foreach (var a in Enumerable.Reverse(held))
            {
                await session.SendAsync($"Event: VarSet\r\nPrivilege: dialplan,all\r\nVariable: X\r\nValue: {a["Variable"]}\r\n\r\n" +
                                        $"Response: Success\r\nActionID: {a.ActionId}\r\nVariable: {a["Variable"]}\r\nValue: value-of-{a["Variable"]}\r\n\r\n");
            }
            return true;
        };
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var calls = new[] { "A", "B", "C" }.Select(v => client.SendActionAsync(new AmiAction("Getvar").Add("Variable", v), ct)).ToList();
        var responses = await Task.WhenAll(calls);

        Assert.That(responses.Select(r => r["Value"]), Is.EqualTo(new[] { "value-of-A", "value-of-B", "value-of-C" }));
        var events = new List<string?>();
        while (events.Count < 3)
        {
            var item = await NextAsync(client, ct, i => i.Kind == AmiStreamItemKind.Event && i.Frame!.IsEvent("VarSet"u8));
            events.Add(item.Frame!["Value"]);
        }
        Assert.That(events, Is.EqualTo(new[] { "C", "B", "A" }), "events keep their arrival order");
    }

    [Test]
    public async Task A_list_action_returns_its_items_and_the_Complete_event_as_one_result(CancellationToken ct)
    {
        var traceResponse = TraceFrames("ami-05-queue-actions.txt", "qstatus-2");
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "QueueStatus")
            {
                return false;
            }
            await session.SendAsync(traceResponse.Replace("qstatus-2", action.ActionId!, StringComparison.Ordinal));
            return true;
        };
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var response = await client.SendActionAsync(new AmiAction("QueueStatus").Add("Queue", "support"), ct);

        Assert.That(response.Message, Is.EqualTo("Queue status will follow"));
        Assert.That(response.Items.Select(i => i.EventNameString), Is.EqualTo(new[] { "QueueParams", "QueueMember" }));
        Assert.That(response.Items[1]["PausedReason"], Is.EqualTo("lunch"));
        Assert.That(response.ListComplete!.EventNameString, Is.EqualTo("QueueStatusComplete"));
        Assert.That(response.ListComplete["ListItems"], Is.EqualTo("2"));
        Assert.That(response.Sequence, Is.EqualTo(response.ListComplete.Sequence));
    }

    [Test]
    public async Task OriginateResponse_with_the_ActionID_of_a_finished_action_is_delivered_as_an_event(CancellationToken ct)
    {
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "Originate")
            {
                return false;
            }
            await session.SendAsync($"Response: Success\r\nActionID: {action.ActionId}\r\nMessage: Originate successfully queued\r\n\r\n");
            await session.SendAsync($"Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: {action.ActionId}\r\nResponse: Success\r\nChannel: PJSIP/6002-00000008\r\nReason: 4\r\nUniqueid: 1795289095.8\r\n\r\n");
            return true;
        };
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var response = await client.SendActionAsync(new AmiAction("Originate").Add("Channel", "PJSIP/6002").Add("Async", true), ct);
        var originate = await NextAsync(client, ct, i => i.Frame?.EventNameString == "OriginateResponse");

        Assert.That(response.Message, Is.EqualTo("Originate successfully queued"));
        Assert.That(originate.Frame!.ActionId, Is.EqualTo(response.ActionId));
        Assert.That(originate.Frame["Reason"], Is.EqualTo("4"));
    }

    [Test]
    public async Task An_unanswered_action_times_out_naming_the_action_and_its_ActionID(CancellationToken ct)
    {
        _server.OnAction = (_, action) => Task.FromResult(action["Action"] == "QueueSummary");
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var error = Assert.ThrowsAsync<AmiTimeoutException>(() => client.SendActionAsync(new AmiAction("QueueSummary"), TimeSpan.FromMilliseconds(150), ct));

        Assert.That(error!.Action, Is.EqualTo("QueueSummary"));
        Assert.That(error.Message, Does.Contain(error.ActionId).And.Contain("150 ms"));
        Assert.That((await client.SendActionAsync(new AmiAction("Ping"), ct))["Ping"], Is.EqualTo("Pong"), "the session survives a timeout");
    }

    [Test]
    public async Task Cancelling_a_waiting_action_throws_OperationCanceled_not_a_timeout(CancellationToken ct)
    {
        _server.OnAction = (_, action) => Task.FromResult(action["Action"] == "QueueSummary");
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(async () => await client.SendActionAsync(new AmiAction("QueueSummary"), TimeSpan.FromSeconds(10), cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Many_concurrent_callers_each_get_their_own_response(CancellationToken ct)
    {
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var responses = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => client.SendActionAsync(new AmiAction("Ping"), ct)));

        Assert.That(responses.Select(r => r.ActionId).Distinct().Count(), Is.EqualTo(500));
        Assert.That(responses.All(r => r.Frame.ActionId == r.ActionId));
    }

    [Test]
    public async Task A_connection_dropped_mid_frame_fails_the_waiting_action_then_reconnects_and_logs_in_again(CancellationToken ct)
    {
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "CoreShowChannels")
            {
                return false;
            }
            await session.SendAsync("Event: Newchannel\r\nChannel: PJSIP/6001-0000");
            session.Abort();
            return true;
        };
        await using var client = NewClient();
        await NextAsync(client, ct, i => i.Kind == AmiStreamItemKind.Connected);

        var error = Assert.ThrowsAsync<AmiConnectionException>(() => client.SendActionAsync(new AmiAction("CoreShowChannels"), ct));
        var disconnected = await NextAsync(client, ct, i => i.Kind != AmiStreamItemKind.Event);
        var reconnected = await NextAsync(client, ct, i => i.Kind != AmiStreamItemKind.Event);

        Assert.That(error!.Message, Does.Contain("lost while CoreShowChannels"));
        Assert.That(disconnected.Kind, Is.EqualTo(AmiStreamItemKind.Disconnected));
        Assert.That(disconnected.Detail, Does.Contain("closed by Asterisk"));
        Assert.That(reconnected.Kind, Is.EqualTo(AmiStreamItemKind.Connected));
        Assert.That(_server.Sessions, Has.Count.EqualTo(2));
        Assert.That(_server.LastSession.Actions.First()["Action"], Is.EqualTo("Login"));
        Assert.That(client.Sessions, Is.EqualTo(2));
    }

    [Test]
    public async Task A_value_with_CR_or_LF_is_refused_before_anything_reaches_the_socket(CancellationToken ct)
    {
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);
        var before = _server.LastSession.Actions.Count;

        var error = Assert.Throws<ArgumentException>(() => new AmiAction("Setvar").Add("Value", "x\r\nAction: Originate"));
        var lf = Assert.Throws<ArgumentException>(() => new AmiAction("Setvar").Add("Variable\n", "x"));

        Assert.That(error!.Message, Does.Contain("'Value'"));
        Assert.That(lf!.Message, Does.Contain("Variable"));
        await client.SendActionAsync(new AmiAction("Ping"), ct);
        Assert.That(_server.LastSession.Actions.Count, Is.EqualTo(before + 1), "only the ping was written");
    }

    [Test]
    public async Task A_silent_Asterisk_is_dropped_after_the_silence_timeout_and_reconnected(CancellationToken ct)
    {
        var options = _server.ClientOptions();
        options.PingInterval = TimeSpan.FromMilliseconds(100);
        options.SilenceTimeout = TimeSpan.FromMilliseconds(400);
        await using var client = NewClient(options);
        await NextAsync(client, ct, i => i.Kind == AmiStreamItemKind.Connected);

        _server.Responsive = false;
        var disconnected = await NextAsync(client, ct, i => i.Kind == AmiStreamItemKind.Disconnected);
        _server.Responsive = true;
        await NextAsync(client, ct, i => i.Kind == AmiStreamItemKind.Connected);

        Assert.That(disconnected.Detail, Does.Contain("no data from Asterisk"));
        Assert.That(_server.Sessions.First().Actions.Count(a => a["Action"] == "Ping"), Is.GreaterThan(0), "pinged before giving up");
    }

    [Test]
    public async Task Actions_while_disconnected_fail_fast_saying_so(CancellationToken ct)
    {
        var options = _server.ClientOptions();
        options.Port = 1; // nothing listens there
        await using var client = NewClient(options);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.ThrowsAsync<AmiConnectionException>(() => client.SendActionAsync(new AmiAction("Ping"), ct));

        Assert.That(watch.ElapsedMilliseconds, Is.LessThan(100));
        Assert.That(error!.Message, Does.Contain("not connected to Asterisk at 127.0.0.1:1"));
        await Task.Delay(100, ct);
        Assert.That(_logs.Entries.Any(e => e.Message.Contains("Cannot connect to AMI at 127.0.0.1:1", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_slow_consumer_overflows_loudly_while_responses_still_flow(CancellationToken ct)
    {
        const int burst = 1000;
        var commands = 0;
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "Command")
            {
                return false;
            }
            var sb = new StringBuilder();
            var count = ++commands == 1 ? burst : 1;
            for (var i = 0; i < count; i++)
            {
                sb.Append("Event: VarSet\r\nPrivilege: dialplan,all\r\nVariable: N\r\nValue: ").Append(i).Append("\r\n\r\n");
            }
            sb.Append("Response: Success\r\nActionID: ").Append(action.ActionId).Append("\r\nMessage: Command output follows\r\n\r\n");
            await session.SendAsync(sb.ToString());
            return true;
        };
        var options = _server.ClientOptions();
        options.EventBufferCapacity = 16;
        await using var client = NewClient(options);
        await client.WaitUntilConnectedAsync(ct);

        // Nobody reads events: the Connected notice and FullyBooted already sit in the buffer.
        var response = await client.SendActionAsync(new AmiAction("Command").Add("Command", "core show channels"), ct);
        var ping = await client.SendActionAsync(new AmiAction("Ping"), ct);

        Assert.That(response.Message, Is.EqualTo("Command output follows"));
        Assert.That(ping["Ping"], Is.EqualTo("Pong"));
        // The Connected notice and FullyBooted took 2 of the 16 places.
        Assert.That(client.EventsDropped, Is.EqualTo(burst - 14));
        Assert.That(_logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("event buffer full", StringComparison.Ordinal)));

        var items = new List<AmiStreamItem>();
        while (client.Events.TryRead(out var item))
        {
            items.Add(item);
        }
        await client.SendActionAsync(new AmiAction("Command").Add("Command", "again"), ct);
        while (client.Events.TryRead(out var item))
        {
            items.Add(item);
        }
        var lost = items.Single(i => i.Kind == AmiStreamItemKind.EventsLost);
        Assert.That(lost.LostEvents, Is.EqualTo(burst - 14));
        Assert.That(items.IndexOf(lost), Is.EqualTo(16), "the notice follows the events that fitted, before the next event");
        Assert.That(items[^1].Frame!["Value"], Is.EqualTo("0"), "the event after the overflow is delivered");
    }

    [Test]
    public async Task An_oversized_frame_closes_the_connection_with_a_clear_error_and_the_client_reconnects(CancellationToken ct)
    {
        var options = _server.ClientOptions();
        options.MaxFrameBytes = 8192;
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "Command")
            {
                return false;
            }
            await session.SendAsync("Event: Huge\r\nData: " + new string('x', 20_000) + "\r\n\r\n");
            return true;
        };
        await using var client = NewClient(options);
        await NextAsync(client, ct, i => i.Kind == AmiStreamItemKind.Connected);

        Assert.ThrowsAsync<AmiConnectionException>(() => client.SendActionAsync(new AmiAction("Command").Add("Command", "x"), ct));
        var disconnected = await NextAsync(client, ct, i => i.Kind == AmiStreamItemKind.Disconnected);
        await NextAsync(client, ct, i => i.Kind == AmiStreamItemKind.Connected);

        Assert.That(disconnected.Detail, Does.Contain("maximum frame size of 8192 bytes"));
        Assert.That(_logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("protocol error", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_malformed_event_is_logged_and_counted_and_asks_for_a_resync_while_the_stream_goes_on(CancellationToken ct)
    {
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "Command")
            {
                return false;
            }
            await session.SendAsync("Event: Newchannel\r\nno colon here\r\n\r\nEvent: Hangup\r\nCause: 16\r\n\r\n" +
                                    $"Response: Success\r\nActionID: {action.ActionId}\r\n\r\n");
            return true;
        };
        await using var client = NewClient();
        await NextAsync(client, ct, i => i.Frame?.EventNameString == "FullyBooted");

        await client.SendActionAsync(new AmiAction("Command").Add("Command", "x"), ct);
        var lost = await NextAsync(client, ct);
        var hangup = await NextAsync(client, ct);

        Assert.That(lost.Kind, Is.EqualTo(AmiStreamItemKind.EventsLost));
        Assert.That(lost.Detail, Does.Contain("without a colon"));
        Assert.That(hangup.Frame!.EventNameString, Is.EqualTo("Hangup"));
        Assert.That(_logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("no colon here", StringComparison.Ordinal)));
    }

    [Test]
    public async Task The_secret_never_appears_in_any_log_line(CancellationToken ct)
    {
        var options = _server.ClientOptions();
        await using (var client = NewClient(options))
        {
            await client.WaitUntilConnectedAsync(ct);
            await client.SendActionAsync(new AmiAction("Ping"), ct);
        }
        await using (var refused = NewClient(_server.ClientOptions(secret: "wrong-secret-XYZ")))
        {
            while (!_logs.Entries.Any(e => e.Message.Contains("refused", StringComparison.Ordinal)))
            {
                await Task.Delay(10, ct);
            }
        }

        Assert.That(_logs.Entries.Any(e => e.Message.Contains("Action: Login", StringComparison.Ordinal)), "actions are logged at debug");
        Assert.That(_logs.Entries.Where(e => e.Message.Contains(ScriptedAmiServer.Secret, StringComparison.Ordinal)), Is.Empty);
        Assert.That(_logs.Entries.Where(e => e.Message.Contains("wrong-secret-XYZ", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task Stopping_the_client_logs_off(CancellationToken ct)
    {
        var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        await client.DisposeAsync();

        Assert.That(_server.LastSession.Actions.Last()["Action"], Is.EqualTo("Logoff"));
        Assert.That(client.State, Is.EqualTo(AmiConnectionState.Stopped));
    }

    private static string TraceFrames(string trace, string actionId)
    {
        var frames = FrameFeeder.ReadAll(NaiveAmiOracle.WithoutBanner(TraceFiles.ReadBytes(trace)))
            .Select(f => f.Frame).Where(f => f.ActionId == actionId);
        return string.Concat(frames.Select(f => f.ToString()));
    }
}
