using System.Text;
using ContactCenter.Asterisk.Ami;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Asterisk.Tests.Ami;

/// <summary>The connection: drops, silence, actions while disconnected, overflow, oversized and malformed frames.</summary>
public sealed partial class AmiClientTests
{
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
}
