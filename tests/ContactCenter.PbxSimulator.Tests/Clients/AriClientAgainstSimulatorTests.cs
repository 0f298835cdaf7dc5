using System.Diagnostics;
using System.Net;
using ContactCenter.Asterisk.Ari;

namespace ContactCenter.PbxSimulator.Tests.Clients;

/// <summary>The product's ARI REST client and event stream against the simulator's HTTP and WebSocket server.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class AriClientAgainstSimulatorTests
{
    private static AriClientOptions Options(PbxSimulator sim, string password = "admin") => new()
    {
        BaseUrl = sim.AriBaseUrl,
        Username = "admin",
        Password = password,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        KeepAliveInterval = TimeSpan.Zero,
    };

    private static async Task<T> NextEventAsync<T>(AriEventStream stream, CancellationToken ct, Func<T, bool>? match = null) where T : AriEvent
    {
        while (true)
        {
            var item = await stream.Items.ReadAsync(ct);
            if (item.Event is T e && (match is null || match(e)))
            {
                return e;
            }
        }
    }

    /// <summary>An event stream on the simulator's app, once it is connected.</summary>
    private static async Task<AriEventStream> ConnectedStreamAsync(PbxSimulator sim, CancellationToken ct)
    {
        var stream = new AriEventStream(Options(sim));
        _ = stream.RunAsync(ct);
        await NextAsync(stream, AriStreamItemKind.Connected, ct);
        return stream;
    }

    private static async Task<AriStreamItem> NextAsync(AriEventStream stream, AriStreamItemKind kind, CancellationToken ct)
    {
        while (true)
        {
            var item = await stream.Items.ReadAsync(ct);
            if (item.Kind == kind)
            {
                return item;
            }
        }
    }

    [Test]
    public async Task Asterisk_info_and_the_registered_applications_are_served(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        using var client = new AriClient(Options(sim));
        await using var stream = await ConnectedStreamAsync(sim, ct);

        var info = await client.GetAsteriskInfoAsync(ct);
        var apps = await client.ListApplicationsAsync(ct);

        Assert.That(info.System.Version, Is.EqualTo("22.10.1"));
        Assert.That(info.Status.StartupTime, Is.EqualTo(sim.Clock.Now));
        Assert.That(apps.Select(a => a.Name), Is.EqualTo(new[] { "contactcenter" }));
        Assert.That(sim.StasisApplications, Is.EqualTo(new[] { "contactcenter" }));
    }

    [Test]
    public async Task A_feature_code_reaches_the_app_which_answers_plays_and_hangs_up(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct, o => o.Clock = SimClockMode.AutoAdvance);
        using var client = new AriClient(Options(sim));
        await using var stream = await ConnectedStreamAsync(sim, ct);

        var call = sim.Phone("6001").Dial("**1210");
        var start = await NextEventAsync<StasisStart>(stream, ct);
        await client.AnswerAsync(start.Channel.Id, ct);
        await client.PlayAsync(start.Channel.Id, "sound:agent-loginok", "pb-" + start.Channel.Id, "en", ct);
        var finished = await NextEventAsync<PlaybackFinished>(stream, ct);
        await client.HangupAsync(start.Channel.Id, 16, ct);
        var end = await NextEventAsync<StasisEnd>(stream, ct);

        Assert.That(start.Channel.Dialplan.Exten, Is.EqualTo("**1210"));
        Assert.That(start.Args, Is.Empty);
        Assert.That(finished.Playback.State, Is.EqualTo("done"));
        Assert.That(end.Channel.Id, Is.EqualTo(call.ChannelId));
        Assert.That(sim.Playbacks(call.ChannelId!).Select(p => p.MediaUri), Is.EqualTo(new[] { "sound:agent-loginok" }));
        await sim.Until(() => call.IsGone, ct);
        Assert.That(call.HangupCause, Is.EqualTo(16));
    }

    [Test]
    public async Task A_playback_id_is_live_until_the_playback_ends_and_stays_in_the_history(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        using var client = new AriClient(Options(sim));
        using var http = new HttpClient();
        await using var stream = await ConnectedStreamAsync(sim, ct);
        var call = sim.Phone("6001").Dial("**1210");
        var start = await NextEventAsync<StasisStart>(stream, ct);
        await client.AnswerAsync(start.Channel.Id, ct);
        var playback = new Uri(sim.AriBaseUrl, "playbacks/pb-1?api_key=admin:admin");

        await client.PlayAsync(start.Channel.Id, "sound:agent-loginok", "pb-1", "en", ct);
        var again = Assert.ThrowsAsync<AriHttpException>(() => client.PlayAsync(start.Channel.Id, "sound:beep", "pb-1", "en", ct));
        using var whilePlaying = await http.GetAsync(playback, ct);
        using var stop = await http.DeleteAsync(playback, ct);
        var finished = await NextEventAsync<PlaybackFinished>(stream, ct);
        using var afterStop = await http.GetAsync(playback, ct);
        await client.PlayAsync(start.Channel.Id, "sound:beep", "pb-1", "en", ct);

        Assert.That(again!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(whilePlaying.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(stop.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(finished.Playback.Id, Is.EqualTo("pb-1"));
        Assert.That(afterStop.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(sim.Playbacks(call.ChannelId!).Select(p => (p.MediaUri, p.State)),
            Is.EqualTo(new[] { ("sound:agent-loginok", "done"), ("sound:beep", "playing") }));
    }

    [Test]
    public async Task A_delayed_channel_answer_runs_once_the_simulated_delay_passed_while_other_requests_are_served_at_once(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        using var client = new AriClient(Options(sim));
        await using var stream = await ConnectedStreamAsync(sim, ct);
        var call = sim.Phone("6001").Dial("**1210");
        var start = await NextEventAsync<StasisStart>(stream, ct);
        sim.Faults.DelayAriChannelAnswers(TimeSpan.FromSeconds(1));

        var answering = client.AnswerAsync(start.Channel.Id, ct);
        var meanwhile = await client.GetChannelAsync(start.Channel.Id, ct);
        var advanced = TimeSpan.Zero;
        while (!answering.IsCompleted)
        {
            sim.Clock.Advance(TimeSpan.FromMilliseconds(100));
            advanced += TimeSpan.FromMilliseconds(100);
            await Task.WhenAny(answering, Task.Delay(TimeSpan.FromMilliseconds(20), ct));
        }
        await answering;

        Assert.That(meanwhile.State, Is.Not.EqualTo("Up"), "GET is not delayed and sees the channel unanswered");
        Assert.That(advanced, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)), "the answer waited for the simulated second");
        Assert.That(call.IsUp, Is.True);
    }

    [Test]
    public async Task A_playback_records_the_wall_clock_time_from_StasisStart_to_the_play_request(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        using var client = new AriClient(Options(sim));
        await using var stream = await ConnectedStreamAsync(sim, ct);

        var beforeDial = Stopwatch.GetTimestamp();
        var call = sim.Phone("6001").Dial("**1210");
        var start = await NextEventAsync<StasisStart>(stream, ct);
        var seenStart = Stopwatch.GetTimestamp();
        await client.AnswerAsync(start.Channel.Id, ct);
        // Real time passes on the wall clock while the simulated clock stands still (Manual).
        await Sims.Poll(() => Stopwatch.GetElapsedTime(seenStart) > TimeSpan.FromMilliseconds(30), ct);
        var beforePlay = Stopwatch.GetTimestamp();
        await client.PlayAsync(start.Channel.Id, "sound:agent-loginok", "pb-" + start.Channel.Id, "en", ct);
        var afterPlay = Stopwatch.GetTimestamp();
        var waited = Stopwatch.GetElapsedTime(seenStart, beforePlay);
        var outer = Stopwatch.GetElapsedTime(beforeDial, afterPlay);

        var played = sim.Playbacks(call.ChannelId!).Single();
        Assert.That(played.SinceStasisStart, Is.Not.Null);
        Assert.That(played.SinceStasisStart!.Value, Is.GreaterThanOrEqualTo(waited).And.LessThanOrEqualTo(outer),
            "the simulator's interval contains the client's (event received → request sent) and lies within dial → response");
    }

    [Test]
    public async Task A_dialplan_Playback_has_no_StasisStart_time(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct, o => o.Clock = SimClockMode.AutoAdvance);

        var call = sim.Phone("6001").Dial("**91210");
        await sim.Until(() => call.IsGone, ct);

        var beep = sim.Playbacks(call.ChannelId!).Single();
        Assert.That((beep.MediaUri, beep.FromAri, beep.SinceStasisStart), Is.EqualTo(("sound:beep", false, (TimeSpan?)null)));
    }

    [Test]
    public async Task Unknown_channels_and_channels_outside_Stasis_are_refused_as_ARI_does(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        using var client = new AriClient(Options(sim));
        sim.Customer("+5491145550000").Call("7000");
        var queued = sim.Channels.Single();

        var missing = Assert.ThrowsAsync<AriHttpException>(() => client.GetChannelAsync("nope", ct));
        var notInStasis = Assert.ThrowsAsync<AriHttpException>(() => client.AnswerAsync(queued.Id, ct));

        Assert.That(missing!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.AsteriskMessage, Is.EqualTo("Channel not found"));
        Assert.That(notInStasis!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(notInStasis.AsteriskMessage, Is.EqualTo("Channel not in Stasis application"));
    }

    [Test]
    public async Task Wrong_credentials_get_401_and_api_key_credentials_are_accepted(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        using var client = new AriClient(Options(sim, password: "wrong"));
        using var http = new HttpClient();

        var refused = Assert.ThrowsAsync<AriHttpException>(() => client.GetAsteriskInfoAsync(ct));
        using var withKey = await http.GetAsync(new Uri(sim.AriBaseUrl, "asterisk/info?api_key=admin:admin"), ct);

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(withKey.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_dropped_WebSocket_is_reconnected_by_the_event_stream(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var stream = await ConnectedStreamAsync(sim, ct);

        sim.Faults.DropAriWebSockets();
        var disconnected = await NextAsync(stream, AriStreamItemKind.Disconnected, ct);
        await NextAsync(stream, AriStreamItemKind.Connected, ct);

        Assert.That(disconnected.Detail, Does.Contain("without a close frame"));
        await sim.Until(() => sim.StasisApplications.Count == 1, ct);
    }

    [Test]
    public async Task An_ARI_originate_into_the_app_starts_Stasis_when_the_customer_answers_and_ends_with_ChannelDestroyed(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        using var client = new AriClient(Options(sim));
        await using var stream = await ConnectedStreamAsync(sim, ct);
        sim.Customer("+5491145550000").IncomingCalls = CallBehaviour.AnswerAfter(TimeSpan.FromSeconds(3));

        var channel = await client.OriginateAsync(new AriOriginateRequest("PJSIP/+5491145550000@trunk") { App = "contactcenter", AppArgs = "callback,42" }, ct);
        sim.Clock.Advance(TimeSpan.FromSeconds(3));
        var start = await NextEventAsync<StasisStart>(stream, ct);
        await client.HangupAsync(channel.Id, cancellationToken: ct);
        var destroyed = await NextEventAsync<ChannelDestroyed>(stream, ct);

        Assert.That(channel.State, Is.EqualTo("Down"));
        Assert.That(start.Channel.Id, Is.EqualTo(channel.Id));
        Assert.That(start.Args, Is.EqualTo(new[] { "callback", "42" }));
        Assert.That(destroyed.Channel.Id, Is.EqualTo(channel.Id));
    }

    [Test]
    public async Task Stasis_without_a_connected_app_fails_and_the_dialplan_continues(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);

        var call = sim.Phone("6002").Dial("**0");

        Assert.That(call.IsGone, Is.True, "Stasis failed, then Hangup() ran");
    }
}
