using System.Text.Json;
using ContactCenter.Asterisk.Ari;

namespace ContactCenter.Asterisk.Tests.Ari;

/// <summary>Component tests: the event WebSocket replaying the real traces over real sockets.</summary>
[TestFixture]
public sealed class AriEventStreamTests : AriServerFixture
{
    private static readonly Dictionary<string, string> DialedExtenByTrace = new()
    {
        ["ari-01-featurecode-login.jsonl"] = "**1210",
        ["ari-02-featurecode-pause.jsonl"] = "**213",
        ["ari-03-featurecode-unpause.jsonl"] = "**3",
        ["ari-04-featurecode-logout.jsonl"] = "**0",
    };

    private static IEnumerable<string> EventTraces() => TraceFiles.Find("ari-*.jsonl");

    [Test]
    public void Every_event_trace_is_covered_by_these_tests() =>
        Assert.That(EventTraces(), Is.EquivalentTo(DialedExtenByTrace.Keys));

    [TestCaseSource(nameof(EventTraces))]
    public async Task Every_trace_message_arrives_as_the_typed_event_of_its_type(string traceFile)
    {
        var lines = TraceFiles.ReadJsonLines(traceFile);
        Server.EnqueueSession(async (socket, context) =>
        {
            foreach (var line in lines)
            {
                await AriTestServer.SendTextAsync(socket, line, context.RequestAborted);
            }
            await AriTestServer.IdleUntilClientLeavesAsync(socket, context.RequestAborted);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = new AriEventStream(Server.Options());
        _ = stream.RunAsync(cts.Token);

        Assert.That((await stream.Items.NextAsync(cts.Token)).Kind, Is.EqualTo(AriStreamItemKind.Connected));
        var events = new List<AriEvent>();
        foreach (var line in lines)
        {
            var item = await stream.Items.NextAsync(cts.Token);
            Assert.That(item.Kind, Is.EqualTo(AriStreamItemKind.Event));
            events.Add(item.Event!);
        }

        var exten = DialedExtenByTrace[traceFile];
        Assert.Multiple(() =>
        {
            for (var i = 0; i < lines.Length; i++)
            {
                using var json = JsonDocument.Parse(lines[i]);
                var type = json.RootElement.GetProperty("type").GetString();
                Assert.That(events[i].GetType().Name, Is.EqualTo(type), $"line {i + 1}");
                Assert.That(events[i].Type, Is.EqualTo(type));
                Assert.That(events[i].Application, Is.EqualTo("contactcenter"));
                Assert.That(events[i].AsteriskId, Is.EqualTo("02:fc:00:00:00:01"));
                Assert.That(events[i].Timestamp.Year, Is.EqualTo(2026));
            }

            var start = events.OfType<StasisStart>().Single();
            Assert.That(start.Channel.Dialplan.Exten, Is.EqualTo(exten));
            Assert.That(start.Args, Is.Empty);
            Assert.That(start.ReplaceChannel, Is.Null);
            Assert.That(events.OfType<ChannelStateChange>().Single().Channel.State, Is.EqualTo("Up"));
            Assert.That(events.OfType<PlaybackStarted>().Single().Playback.State, Is.EqualTo("playing"));
            Assert.That(events.OfType<PlaybackFinished>().Single().Playback.State, Is.EqualTo("done"));
            var hangup = events.OfType<ChannelHangupRequest>().Single();
            Assert.That(hangup.Cause, Is.EqualTo(32));
            Assert.That(hangup.Soft, Is.True);
            var varsets = events.OfType<ChannelVarset>().ToList();
            Assert.That(varsets.Select(v => v.Variable), Is.EqualTo(new[] { "RTPAUDIOQOS", "RTPAUDIOQOSJITTER", "RTPAUDIOQOSLOSS", "RTPAUDIOQOSRTT", "RTPAUDIOQOSMES" }));
            Assert.That(varsets.Select(v => v.Channel?.Id), Is.All.EqualTo(start.Channel.Id));
            Assert.That(events[^1], Is.TypeOf<StasisEnd>());
        });
        Assert.That(stream.EventsReceived, Is.EqualTo(lines.Length));
        Assert.That(stream.MalformedMessages, Is.Zero);
    }

    [Test]
    public async Task The_upgrade_carries_basic_auth_and_no_credentials_in_the_url()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = new AriEventStream(Server.Options());
        _ = stream.RunAsync(cts.Token);

        var connected = await stream.Items.NextAsync(cts.Token);

        var upgrade = Server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(connected.Kind, Is.EqualTo(AriStreamItemKind.Connected));
            Assert.That(connected.Detail, Is.EqualTo($"ws://127.0.0.1:{Server.BaseUrl.Port}/ari/events?app=contactcenter"));
            Assert.That(upgrade.RawTarget, Is.EqualTo("/ari/events?app=contactcenter"));
            Assert.That(upgrade.Authorization, Is.EqualTo("Basic Y2M6Y2NzZWNyZXQ="));
            Assert.That(stream.State, Is.EqualTo(AriConnectionState.Connected));
        });
    }

    [Test]
    public async Task A_401_on_the_upgrade_gives_no_connected_notice_and_keeps_retrying()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = new AriEventStream(Server.Options(password: "wrong-secret"));
        _ = stream.RunAsync(cts.Token);

        await StreamTestHelpers.WaitUntilAsync(() => Server.RejectedUpgrades >= 3, cts.Token);

        Assert.Multiple(() =>
        {
            Assert.That(stream.Items.TryRead(out var item), Is.False, $"unexpected {item}");
            Assert.That(stream.State, Is.AnyOf(AriConnectionState.Connecting, AriConnectionState.Reconnecting));
            Assert.That(Server.AcceptedUpgrades, Is.Zero);
        });
    }

    [Test]
    public async Task Stopping_ends_with_a_disconnected_notice_then_completes_the_items()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var stop = new CancellationTokenSource();
        await using var stream = new AriEventStream(Server.Options());
        var run = stream.RunAsync(stop.Token);
        Assert.That((await stream.Items.NextAsync(timeout.Token)).Kind, Is.EqualTo(AriStreamItemKind.Connected));

        await stop.CancelAsync();
        await run.WaitAsync(timeout.Token);

        var last = await stream.Items.NextAsync(timeout.Token);
        Assert.Multiple(() =>
        {
            Assert.That(last.Kind, Is.EqualTo(AriStreamItemKind.Disconnected));
            Assert.That(last.Detail, Is.EqualTo("stopped"));
            Assert.That(stream.Items.Completion.IsCompleted, Is.True);
            Assert.That(stream.State, Is.EqualTo(AriConnectionState.Stopped));
        });
    }

    [Test]
    public async Task Disposing_a_running_stream_stops_it_and_completes_the_items()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stream = new AriEventStream(Server.Options());
        var run = stream.RunAsync(CancellationToken.None);
        Assert.That((await stream.Items.NextAsync(timeout.Token)).Kind, Is.EqualTo(AriStreamItemKind.Connected));

        await stream.DisposeAsync().AsTask().WaitAsync(timeout.Token);

        var rest = new List<AriStreamItem>();
        await foreach (var item in stream.Items.ReadAllAsync(timeout.Token))
        {
            rest.Add(item);
        }
        Assert.Multiple(() =>
        {
            Assert.That(run.IsCompletedSuccessfully, Is.True);
            Assert.That(stream.State, Is.EqualTo(AriConnectionState.Stopped));
            Assert.That(rest.Select(i => i.Kind), Is.EqualTo(new[] { AriStreamItemKind.Disconnected }));
            Assert.That(() => stream.RunAsync(CancellationToken.None), Throws.TypeOf<ObjectDisposedException>());
        });
    }

    [Test]
    public async Task Running_twice_is_refused()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = new AriEventStream(Server.Options());
        _ = stream.RunAsync(cts.Token);

        Assert.That(() => stream.RunAsync(cts.Token), Throws.InvalidOperationException);
    }
}
