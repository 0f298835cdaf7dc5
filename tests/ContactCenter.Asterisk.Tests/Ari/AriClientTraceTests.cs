using System.Net;
using ContactCenter.Asterisk.Ari;

namespace ContactCenter.Asterisk.Tests.Ari;

/// <summary>Component tests: the REST calls of the real traces, over real sockets to a loopback server.</summary>
[TestFixture]
public sealed class AriClientTraceTests : AriServerFixture
{
    private static IEnumerable<string> FeatureCodeTraces() =>
        TraceFiles.Find("ari-0*.rest.txt");

    [TestCaseSource(nameof(FeatureCodeTraces))]
    public async Task Feature_code_calls_send_exactly_the_requests_of_the_trace(string traceFile)
    {
        Server.AddRestTrace(traceFile);
        var trace = RestTrace.Read(traceFile);
        var channelId = trace[0].Target["/ari/channels/".Length..];
        var playTarget = new Uri(new Uri("http://x"), trace[2].Target);
        var query = System.Web.HttpUtility.ParseQueryString(playTarget.Query);
        var playbackId = playTarget.AbsolutePath[(playTarget.AbsolutePath.LastIndexOf('/') + 1)..];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = new AriClient(Server.Options());

        var channel = await client.GetChannelAsync(channelId, cts.Token);
        await client.AnswerAsync(channelId, cts.Token);
        var playback = await client.PlayAsync(channelId, query["media"]!, playbackId, query["lang"], cts.Token);
        await client.HangupAsync(channelId, reasonCode: 16, cts.Token);

        var sent = Server.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(sent.Select(r => $"{r.Method} {r.RawTarget}"), Is.EqualTo(trace.Select(t => $"{t.Method} {t.Target}")));
            Assert.That(sent.Select(r => r.Authorization), Is.All.EqualTo(trace[0].Authorization));
            Assert.That(channel.Id, Is.EqualTo(channelId));
            Assert.That(channel.State, Is.EqualTo("Ring"));
            Assert.That(playback.Id, Is.EqualTo(playbackId));
            Assert.That(playback.State, Is.EqualTo("queued"));
            Assert.That(playback.TargetUri, Is.EqualTo($"channel:{channelId}"));
        });
    }

    [Test]
    public async Task Basic_auth_header_is_the_one_Asterisk_accepted_in_the_trace()
    {
        Server.AddRestTrace("ari-01-featurecode-login.rest.txt");
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await client.AnswerAsync("1795289013.0", cts.Token);

        Assert.That(Server.Requests.Single().Authorization, Is.EqualTo("Basic Y2M6Y2NzZWNyZXQ="));
    }

    [Test]
    public async Task Get_channel_parses_the_trace_body_including_dialplan_and_creation_time()
    {
        Server.AddRestTrace("ari-01-featurecode-login.rest.txt");
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var channel = await client.GetChannelAsync("1795289013.0", cts.Token);

        Assert.Multiple(() =>
        {
            Assert.That(channel.Name, Is.EqualTo("PJSIP/6001-00000000"));
            Assert.That(channel.ProtocolId, Is.EqualTo("09837bc0c5149cfc"));
            Assert.That(channel.Caller, Is.EqualTo(new AriCallerId { Name = "Agent 6001", Number = "6001" }));
            Assert.That(channel.Dialplan.Context, Is.EqualTo("agents"));
            Assert.That(channel.Dialplan.Exten, Is.EqualTo("**1210"));
            Assert.That(channel.Dialplan.Priority, Is.EqualTo(2));
            Assert.That(channel.Dialplan.AppName, Is.EqualTo("Stasis"));
            Assert.That(channel.Dialplan.AppData, Is.EqualTo("contactcenter"));
            Assert.That(channel.CreationTime, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 19, 23, 33, 263, TimeSpan.Zero)));
            Assert.That(channel.Language, Is.EqualTo("en"));
            Assert.That(channel.ChannelVars, Is.Null);
        });
    }

    [Test]
    public async Task Play_answered_201_with_a_location_returns_the_queued_playback()
    {
        Server.AddRestTrace("ari-01-featurecode-login.rest.txt");
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var playback = await client.PlayAsync("1795289013.0", "sound:agent-loginok", "pb-1795289013.0", "en", cts.Token);

        Assert.That(playback, Is.EqualTo(new AriPlayback
        {
            Id = "pb-1795289013.0",
            MediaUri = "sound:agent-loginok",
            TargetUri = "channel:1795289013.0",
            Language = "en",
            State = "queued",
        }));
    }

    [Test]
    public async Task Asterisk_info_of_the_restart_trace_gives_version_entity_id_and_startup_time()
    {
        Server.AddRestTrace("ari-10-restart.rest.txt");
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var info = await client.GetAsteriskInfoAsync(cts.Token);

        Assert.Multiple(() =>
        {
            Assert.That(info.System.Version, Is.EqualTo("22.10.1"));
            Assert.That(info.System.EntityId, Is.EqualTo("02:fc:00:00:00:01"));
            Assert.That(info.Build.Date, Is.EqualTo("2026-11-21 19:15:21 UTC"));
            Assert.That(info.Config.DefaultLanguage, Is.EqualTo("en"));
            Assert.That(info.Status.StartupTime, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 19, 23, 4, 55, TimeSpan.Zero)));
            Assert.That(info.Status.LastReloadTime, Is.EqualTo(info.Status.StartupTime));
        });
    }

    [Test]
    public async Task Applications_of_the_restart_trace_list_contactcenter_with_empty_subscriptions()
    {
        Server.AddRestTrace("ari-10-restart.rest.txt");
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var applications = await client.ListApplicationsAsync(cts.Token);

        Assert.That(applications, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(applications[0].Name, Is.EqualTo("contactcenter"));
            Assert.That(applications[0].ChannelIds, Is.Empty);
            Assert.That(applications[0].EventsAllowed, Is.Empty);
        });
    }

    [Test]
    public async Task Ids_media_and_variable_names_are_escaped_in_path_and_query()
    {
        Server.RestHandler = context => AriTestServer.WriteAsync(context, 204, string.Empty);
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await client.SetVariableAsync("a b/c", "CALLERID(name)", "Ann & Bob", cts.Token);
        await client.ContinueInDialplanAsync("1795289013.0", "agents", "**1210", 3, cancellationToken: cts.Token);
        await client.StopPlaybackAsync("pb-1795289013.0", cts.Token);
        await client.AddChannelToBridgeAsync("br-1", "1795289013.0", cts.Token);
        await client.RemoveChannelFromBridgeAsync("br-1", "1795289013.0", cts.Token);
        await client.DestroyBridgeAsync("br-1", cts.Token);

        Assert.That(Server.Requests.Select(r => $"{r.Method} {r.RawTarget}"), Is.EqualTo(new[]
        {
            "POST /ari/channels/a%20b%2Fc/variable?variable=CALLERID%28name%29&value=Ann%20%26%20Bob",
            "POST /ari/channels/1795289013.0/continue?context=agents&extension=%2A%2A1210&priority=3",
            "DELETE /ari/playbacks/pb-1795289013.0",
            "POST /ari/bridges/br-1/addChannel?channel=1795289013.0",
            "POST /ari/bridges/br-1/removeChannel?channel=1795289013.0",
            "DELETE /ari/bridges/br-1",
        }));
    }

    [Test]
    public async Task Originate_sends_its_parameters_in_the_query_and_the_variables_as_json()
    {
        var channelJson = RestTrace.Read("ari-01-featurecode-login.rest.txt")[0].Body;
        Server.RestHandler = context => AriTestServer.WriteAsync(context, 200, channelJson);
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var channel = await client.OriginateAsync(new AriOriginateRequest("PJSIP/6002")
        {
            Extension = "6001",
            Context = "agents",
            Priority = 1,
            CallerId = "Support <7000>",
            RingTimeout = TimeSpan.FromSeconds(20),
            ChannelId = "cc-42",
            Variables = new Dictionary<string, string> { ["CC_CALL_ID"] = "42" },
        }, cts.Token);

        var request = Server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.RawTarget, Is.EqualTo(
                "/ari/channels?endpoint=PJSIP%2F6002&extension=6001&context=agents&priority=1&callerId=Support%20%3C7000%3E&timeout=20&channelId=cc-42"));
            Assert.That(request.Body, Is.EqualTo("""{"variables":{"CC_CALL_ID":"42"}}"""));
            Assert.That(channel.Id, Is.EqualTo("1795289013.0"));
        });
    }

    [Test]
    public async Task Create_bridge_sends_type_and_id_and_parses_the_bridge()
    {
        Server.RestHandler = context => AriTestServer.WriteAsync(context, 200,
            """{"id":"br-1","technology":"simple_bridge","bridge_type":"mixing","bridge_class":"stasis","creator":"Stasis","name":"call-42","channels":["1795289013.0"],"creationtime":"2026-11-21T19:23:33.263+0000","video_mode":"none"}""");
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var bridge = await client.CreateBridgeAsync("mixing", "br-1", "call-42", cts.Token);

        Assert.Multiple(() =>
        {
            Assert.That(Server.Requests.Single().RawTarget, Is.EqualTo("/ari/bridges?type=mixing&bridgeId=br-1&name=call-42"));
            Assert.That(bridge.BridgeType, Is.EqualTo("mixing"));
            Assert.That(bridge.Channels, Is.EqualTo(new[] { "1795289013.0" }));
            Assert.That(bridge.CreationTime.Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public async Task Get_variable_returns_the_value()
    {
        Server.RestHandler = context => AriTestServer.WriteAsync(context, 200, """{"value":"13"}""");
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var variable = await client.GetVariableAsync("1795289013.0", "PAUSE_CODE", cts.Token);

        Assert.Multiple(() =>
        {
            Assert.That(variable.Value, Is.EqualTo("13"));
            Assert.That(Server.Requests.Single().RawTarget, Is.EqualTo("/ari/channels/1795289013.0/variable?variable=PAUSE_CODE"));
        });
    }

    [Test]
    public async Task A_caller_supplied_http_client_is_used_and_left_open()
    {
        Server.AddRestTrace("ari-01-featurecode-login.rest.txt");
        using var http = new HttpClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using (var client = new AriClient(Server.Options(), httpClient: http))
        {
            await client.AnswerAsync("1795289013.0", cts.Token);
        }

        using var response = await http.GetAsync(Server.BaseUrl, cts.Token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the HttpClient is still usable and has no default auth header");
    }
}
