using System.Text.Json;
using System.Net.WebSockets;

namespace ContactCenter.PbxSimulator.Tests.Fidelity;

/// <summary>
/// Replays the lab session against one simulator, scenario after scenario as the lab ran them on one
/// Asterisk (so counters, cached device states and queue statistics carry over the same way). Time is
/// driven by hand to the instants of the capture: every action is written when the script wrote it, every
/// phone acts when the phone acted, so uniqueids, hold and talk times come out as in the trace.
/// </summary>
internal sealed class LabReplay : IAsyncDisposable
{
    public static readonly DateTimeOffset LabStart = TraceScript.Time("19:23:04.055");

    private readonly PbxSimulator _sim;
    private readonly Dictionary<string, byte[][]> _captures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AriCapture> _ari = new(StringComparer.Ordinal);
    private readonly List<string> _ariMessages = [];
    private readonly List<RestExchange> _rest = [];
    private readonly HttpClient _http = new();
    private ClientWebSocket? _socket;
    private Task? _socketReader;
    private volatile string? _stasisChannel;
    private bool _closedWithoutCloseFrame;

    private LabReplay(PbxSimulator sim) => _sim = sim;

    public PbxSimulator Simulator => _sim;

    public static PbxSimulatorOptions LabOptions() => new()
    {
        Username = "cc",
        Secret = "ccsecret",
        ReadClasses = "all",
        WriteClasses = "all",
        Agents = 0,
        ExtensionsConfPath = TraceFiles.LabConfig("extensions.conf"),
        QueuesConfPath = TraceFiles.LabConfig("queues.conf"),
        PjsipConfPath = TraceFiles.LabConfig("pjsip.conf"),
        TimestampEvents = false,
        Clock = SimClockMode.Manual,
        StartTime = LabStart,
        AriUsers = new Dictionary<string, string> { ["cc"] = "ccsecret" },
    };

    public static async Task<LabReplay> RunAllAsync(CancellationToken ct)
    {
        var replay = new LabReplay(await PbxSimulator.StartAsync(LabOptions(), cancellationToken: ct));
        foreach (var scenario in LabScenario.All)
        {
            try
            {
                await replay.RunAsync(scenario, ct);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException or IOException or HttpRequestException or WebSocketException)
            {
                replay._failures[scenario.Name] = ex.ToString();
            }
        }
        return replay;
    }

    /// <summary>What the client received on each connection of the scenario; throws if the replay itself failed.</summary>
    public byte[][] Captured(LabScenario scenario) =>
        _failures.TryGetValue(scenario.Name, out var failure)
            ? throw new InvalidOperationException($"Replaying {scenario.Name} failed: {failure}")
            : _captures[scenario.Name];

    /// <summary>The ARI side of the scenario: WebSocket messages, REST exchanges, how the WebSocket ended.</summary>
    public AriCapture Ari(LabScenario scenario) =>
        _failures.TryGetValue(scenario.Name, out var failure)
            ? throw new InvalidOperationException($"Replaying {scenario.Name} failed: {failure}")
            : _ari[scenario.Name];

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private async Task RunAsync(LabScenario scenario, CancellationToken ct)
    {
        var clients = new RawAmiClient?[scenario.Timelines.Length];
        try
        {
            foreach (var step in TraceScript.Load(scenario.StepsLog, scenario.Timelines))
            {
                if (step.At > _sim.Clock.Now)
                {
                    _sim.Clock.AdvanceTo(step.At);
                }
                await ExecuteAsync(step, clients, ct);
            }
            await WaitAsync(() => _sim.IsIdle, ct);
            await DisconnectStasisAppAsync(ct);
            _captures[scenario.Name] = clients.Select(c => c?.Received ?? []).ToArray();
            lock (_ariMessages)
            {
                _ari[scenario.Name] = new AriCapture([.. _ariMessages], [.. _rest], _closedWithoutCloseFrame);
                _ariMessages.Clear();
            }
            _rest.Clear();
            _closedWithoutCloseFrame = false;
        }
        finally
        {
            foreach (var c in clients)
            {
                if (c is not null)
                {
                    await c.DisposeAsync();
                }
            }
        }
    }

    private async Task ExecuteAsync(TraceStep step, RawAmiClient?[] clients, CancellationToken ct)
    {
        switch (step)
        {
            case ConnectStep c:
                clients[c.Connection] = await RawAmiClient.ConnectAsync(_sim.AmiPort, ct);
                await WaitAsync(() => clients[c.Connection]!.Received.Length > 0, ct);
                break;
            case SendStep s:
                var handled = _sim.Ami.Actions.Handled;
                await clients[s.Connection]!.SendAsync(s.Bytes, ct);
                await WaitAsync(() => _sim.Ami.Actions.Handled > handled, ct);
                if (s.AnsweredAt is { } answered && answered > _sim.Clock.Now)
                {
                    _sim.Clock.AdvanceTo(answered);
                }
                if (s.ActionId is not null && s.AnsweredAt is not null)
                {
                    await clients[s.Connection]!.WaitForResponseAsync(s.ActionId, ct);
                }
                break;
            case ClosedStep closed:
                await clients[closed.Connection]!.WaitClosedAsync(ct);
                break;
            case PhoneStep p:
                var phone = _sim.Phone(p.Phone);
                switch (p.Command)
                {
                    case "dial":
                        phone.Dial(p.Number!);
                        break;
                    case "accept":
                        phone.Answer();
                        break;
                    default:
                        phone.HangUp();
                        break;
                }
                break;
            case AriConnectStep:
                await ConnectStasisAppAsync(ct);
                break;
            case AriStep a:
                await ExecuteAriAsync(a, ct);
                break;
            case RestartStep:
                await _sim.RestartAsync(ct);
                break;
        }
    }

    /// <summary>The lab's Stasis app: a raw event WebSocket (to keep every message byte-exact) and REST calls.</summary>
    private async Task ConnectStasisAppAsync(CancellationToken ct)
    {
        _stasisChannel = null;
        var socket = new ClientWebSocket();
        var url = new Uri(_sim.AriBaseUrl.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "events?app=contactcenter&api_key=cc:ccsecret");
        await socket.ConnectAsync(url, ct);
        _socket = socket;
        _socketReader = ReadEventsAsync(socket);
    }

    private async Task ReadEventsAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                var json = System.Text.Encoding.UTF8.GetString(message.ToArray());
                using var doc = JsonDocument.Parse(json);
                lock (_ariMessages)
                {
                    _ariMessages.Add(json);
                    if (doc.RootElement.GetProperty("type").GetString() == "StasisStart")
                    {
                        _stasisChannel = doc.RootElement.GetProperty("channel").GetProperty("id").GetString();
                    }
                }
            }
        }
        catch (WebSocketException ex) when (ex.WebSocketErrorCode == WebSocketError.ConnectionClosedPrematurely)
        {
            _closedWithoutCloseFrame = true;
        }
    }

    private async Task DisconnectStasisAppAsync(CancellationToken ct)
    {
        if (_socket is not { } socket)
        {
            return;
        }
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
        }
        await _socketReader!;
        socket.Dispose();
        _socket = null;
    }

    private async Task ExecuteAriAsync(AriStep step, CancellationToken ct)
    {
        if (step.Path.StartsWith("/ari/channels/", StringComparison.Ordinal))
        {
            await WaitAsync(() => _stasisChannel is not null, ct);
        }
        var traceChannel = step.Path.Split('/') is [_, _, "channels", var id, ..] ? id : null;
        var target = step.Path + (step.Query.Length > 0 ? "?" + step.Query : string.Empty);
        if (traceChannel is not null)
        {
            target = target.Replace(traceChannel, _stasisChannel, StringComparison.Ordinal);
        }
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), new Uri(_sim.AriBaseUrl, target));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "Y2M6Y2NzZWNyZXQ=");
        using var response = await _http.SendAsync(request, ct);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        _rest.Add(new RestExchange(step.Method, target, (int)response.StatusCode, headers, await response.Content.ReadAsStringAsync(ct)));
    }

    private static async Task WaitAsync(Func<bool> condition, CancellationToken ct)
    {
        while (!condition())
        {
            await Task.Delay(1, ct);
        }
    }
}

/// <summary>What the lab's ARI app saw in one scenario.</summary>
internal sealed record AriCapture(IReadOnlyList<string> Messages, IReadOnlyList<RestExchange> Rest, bool ClosedWithoutCloseFrame);
