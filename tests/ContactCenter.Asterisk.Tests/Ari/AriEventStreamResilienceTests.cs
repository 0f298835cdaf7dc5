using System.Net.WebSockets;
using System.Text;
using ContactCenter.Asterisk.Ari;

namespace ContactCenter.Asterisk.Tests.Ari;

/// <summary>Component tests: drops, reconnects, overflow and odd messages on the event WebSocket.</summary>
[TestFixture]
public sealed class AriEventStreamResilienceTests : AriServerFixture
{
    private static readonly string[] Login = TraceFiles.ReadJsonLines("ari-01-featurecode-login.jsonl");
    private static readonly string VarsetLine = Login.First(line => line.Contains("\"ChannelVarset\"", StringComparison.Ordinal));

    [Test]
    public async Task A_socket_closed_without_a_close_frame_is_reported_then_the_stream_reconnects_and_events_keep_flowing()
    {
        // Aborting right after a send could discard unsent bytes: drop only once the client has both events.
        var dropConnection = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.EnqueueSession(async (socket, context) =>
        {
            await AriTestServer.SendTextAsync(socket, Login[0], context.RequestAborted);
            await AriTestServer.SendTextAsync(socket, Login[1], context.RequestAborted);
            await dropConnection.Task.WaitAsync(context.RequestAborted);
            // What Asterisk does on "core restart now": the TCP connection just ends.
            context.Abort();
        });
        Server.EnqueueSession(async (socket, context) =>
        {
            await AriTestServer.SendTextAsync(socket, Login[2], context.RequestAborted);
            await AriTestServer.IdleUntilClientLeavesAsync(socket, context.RequestAborted);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = new AriEventStream(Server.Options());
        _ = stream.RunAsync(cts.Token);

        var items = new List<AriStreamItem>(await stream.Items.TakeAsync(3, cts.Token));
        dropConnection.SetResult();
        items.AddRange(await stream.Items.TakeAsync(3, cts.Token));

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.Kind), Is.EqualTo(new[]
            {
                AriStreamItemKind.Connected, AriStreamItemKind.Event, AriStreamItemKind.Event,
                AriStreamItemKind.Disconnected, AriStreamItemKind.Connected, AriStreamItemKind.Event,
            }));
            Assert.That(items[1].Event, Is.TypeOf<StasisStart>());
            Assert.That(items[2].Event, Is.TypeOf<ChannelStateChange>());
            Assert.That(items[3].Detail, Does.Contain("without a close frame"));
            Assert.That(items[5].Event, Is.TypeOf<PlaybackStarted>());
            Assert.That(stream.State, Is.EqualTo(AriConnectionState.Connected));
            Assert.That(Server.AcceptedUpgrades, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_close_frame_status_and_description_are_reported_then_the_stream_reconnects()
    {
        Server.EnqueueSession(async (socket, context) =>
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "Asterisk shutting down", context.RequestAborted);
            await AriTestServer.IdleUntilClientLeavesAsync(socket, context.RequestAborted);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = new AriEventStream(Server.Options());
        _ = stream.RunAsync(cts.Token);

        var items = await stream.Items.TakeAsync(3, cts.Token);

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.Kind), Is.EqualTo(new[]
            {
                AriStreamItemKind.Connected, AriStreamItemKind.Disconnected, AriStreamItemKind.Connected,
            }));
            Assert.That(items[1].Detail, Is.EqualTo("closed by Asterisk with status 1001 (EndpointUnavailable): Asterisk shutting down"));
        });
    }

    [Test]
    public async Task A_consumer_that_does_not_read_loses_events_and_gets_one_notice_with_the_exact_count()
    {
        const int Burst = 50;
        const int Capacity = 4;
        var sendMore = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.EnqueueSession(async (socket, context) =>
        {
            for (var i = 0; i < Burst; i++)
            {
                await AriTestServer.SendTextAsync(socket, Varset($"V{i}"), context.RequestAborted);
            }
            await sendMore.Task.WaitAsync(context.RequestAborted);
            await AriTestServer.SendTextAsync(socket, Varset("AFTER"), context.RequestAborted);
            await AriTestServer.IdleUntilClientLeavesAsync(socket, context.RequestAborted);
        });
        var options = Server.Options();
        options.EventBufferCapacity = Capacity;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = new AriEventStream(options);
        _ = stream.RunAsync(cts.Token);

        // The consumer reads nothing until the whole burst went through the read loop.
        await StreamTestHelpers.WaitUntilAsync(() => stream.EventsReceived == Burst && stream.EventsDropped == Burst - (Capacity - 1), cts.Token);
        var buffered = await stream.Items.TakeAsync(Capacity + 1, cts.Token);
        sendMore.SetResult();
        var after = await stream.Items.NextEventAsync<ChannelVarset>(cts.Token);

        const int Dropped = Burst - (Capacity - 1); // the Connected notice holds one slot
        Assert.Multiple(() =>
        {
            Assert.That(buffered.Select(i => i.Kind), Is.EqualTo(new[]
            {
                AriStreamItemKind.Connected, AriStreamItemKind.Event, AriStreamItemKind.Event,
                AriStreamItemKind.Event, AriStreamItemKind.EventsLost,
            }));
            Assert.That(buffered.Skip(1).Take(3).Select(i => ((ChannelVarset)i.Event!).Variable), Is.EqualTo(new[] { "V0", "V1", "V2" }));
            Assert.That(buffered[4].LostEvents, Is.EqualTo(Dropped));
            Assert.That(buffered[4].Detail, Does.Contain($"{Dropped} items dropped"));
            Assert.That(stream.EventsDropped, Is.EqualTo(Dropped));
            Assert.That(after.Variable, Is.EqualTo("AFTER"));
            Assert.That(stream.EventsReceived, Is.EqualTo(Burst + 1));
        });
    }

    [Test]
    public async Task A_fragmented_message_is_reassembled()
    {
        var bytes = Encoding.UTF8.GetBytes(Login[0]);
        Server.EnqueueSession(async (socket, context) =>
        {
            for (var offset = 0; offset < bytes.Length; offset += 16)
            {
                var length = Math.Min(16, bytes.Length - offset);
                await socket.SendAsync(bytes.AsMemory(offset, length), WebSocketMessageType.Text,
                    endOfMessage: offset + length == bytes.Length, context.RequestAborted);
            }
            await AriTestServer.IdleUntilClientLeavesAsync(socket, context.RequestAborted);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = new AriEventStream(Server.Options());
        _ = stream.RunAsync(cts.Token);

        Assert.That((await stream.Items.NextAsync(cts.Token)).Kind, Is.EqualTo(AriStreamItemKind.Connected));
        var start = await stream.Items.NextEventAsync<StasisStart>(cts.Token);

        Assert.That(start.Channel.Dialplan.Exten, Is.EqualTo("**1210"));
    }

    [Test]
    public async Task A_message_larger_than_64_KiB_is_delivered_whole()
    {
        var value = new string('x', 100_000);
        Server.EnqueueSession(async (socket, context) =>
        {
            await AriTestServer.SendTextAsync(socket, Varset("BIG", value), context.RequestAborted);
            await AriTestServer.IdleUntilClientLeavesAsync(socket, context.RequestAborted);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = new AriEventStream(Server.Options());
        _ = stream.RunAsync(cts.Token);

        await stream.Items.NextAsync(cts.Token);
        var varset = await stream.Items.NextEventAsync<ChannelVarset>(cts.Token);

        Assert.That(varset.Value, Is.EqualTo(value));
    }

    [Test]
    public async Task A_message_over_the_hard_cap_is_skipped_and_counted_and_the_next_one_is_delivered()
    {
        var huge = Varset("HUGE", new string('x', AriEventStream.MaxMessageBytes));
        Server.EnqueueSession(async (socket, context) =>
        {
            await AriTestServer.SendTextAsync(socket, huge, context.RequestAborted);
            await AriTestServer.SendTextAsync(socket, Varset("NEXT"), context.RequestAborted);
            await AriTestServer.IdleUntilClientLeavesAsync(socket, context.RequestAborted);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = new AriEventStream(Server.Options());
        _ = stream.RunAsync(cts.Token);

        await stream.Items.NextAsync(cts.Token);
        var next = await stream.Items.NextEventAsync<ChannelVarset>(cts.Token);

        Assert.Multiple(() =>
        {
            Assert.That(next.Variable, Is.EqualTo("NEXT"));
            Assert.That(stream.MalformedMessages, Is.EqualTo(1));
            Assert.That(stream.State, Is.EqualTo(AriConnectionState.Connected), "an oversized message does not cost the session");
        });
    }

    [Test]
    public async Task Invalid_json_is_counted_and_skipped_and_a_misshapen_event_is_kept_raw()
    {
        const string Misshapen = """{"type":"StasisStart","timestamp":"yesterday","application":"contactcenter"}""";
        const string Unknown = """{"type":"BridgeCreated","timestamp":"2026-11-21T19:23:33.264+0000","bridge":{"id":"b1"},"application":"contactcenter"}""";
        Server.EnqueueSession(async (socket, context) =>
        {
            await AriTestServer.SendTextAsync(socket, "this is not json {", context.RequestAborted);
            await AriTestServer.SendTextAsync(socket, Misshapen, context.RequestAborted);
            await AriTestServer.SendTextAsync(socket, Unknown, context.RequestAborted);
            await AriTestServer.SendTextAsync(socket, Login[0], context.RequestAborted);
            await AriTestServer.IdleUntilClientLeavesAsync(socket, context.RequestAborted);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = new AriEventStream(Server.Options());
        _ = stream.RunAsync(cts.Token);

        await stream.Items.NextAsync(cts.Token);
        var misshapen = await stream.Items.NextEventAsync<UnknownAriEvent>(cts.Token);
        var unknown = await stream.Items.NextEventAsync<UnknownAriEvent>(cts.Token);
        var start = await stream.Items.NextEventAsync<StasisStart>(cts.Token);

        Assert.Multiple(() =>
        {
            Assert.That(misshapen.Type, Is.EqualTo("StasisStart"));
            Assert.That(misshapen.RawJson, Is.EqualTo(Misshapen));
            Assert.That(unknown.Type, Is.EqualTo("BridgeCreated"));
            Assert.That(unknown.RawJson, Is.EqualTo(Unknown));
            Assert.That(start.Channel.Id, Is.EqualTo("1795289013.0"));
            Assert.That(stream.MalformedMessages, Is.EqualTo(2));
            Assert.That(stream.EventsReceived, Is.EqualTo(3));
        });
    }

    private static string Varset(string variable, string value = "1") =>
        VarsetLine
            .Replace("\"variable\":\"RTPAUDIOQOS\"", $"\"variable\":\"{variable}\"", StringComparison.Ordinal)
            .Replace(VarsetValue(), value, StringComparison.Ordinal);

    private static string VarsetValue()
    {
        const string Marker = "\"value\":\"";
        var start = VarsetLine.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        return VarsetLine[start..VarsetLine.IndexOf('"', start)];
    }
}
