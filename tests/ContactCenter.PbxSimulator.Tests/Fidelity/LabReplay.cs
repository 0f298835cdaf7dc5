using System.Text.Json;
using ContactCenter.PbxSimulator.Ari;

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
    private readonly List<string> _ariMessages = [];
    private AriSubscriber? _stasisApp;
    private string? _stasisChannel;

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
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException or IOException)
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

    public ValueTask DisposeAsync() => _sim.DisposeAsync();

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
            DisconnectStasisApp();
            _captures[scenario.Name] = clients.Select(c => c?.Received ?? []).ToArray();
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
                ConnectStasisApp();
                break;
            case AriStep a:
                ExecuteAri(a);
                break;
            case RestartStep:
                DisconnectStasisApp();
                await _sim.RestartAsync(ct);
                break;
        }
    }

    /// <summary>The lab's Stasis app: answers, plays and hangs up through the same operations the ARI server runs.</summary>
    private void ConnectStasisApp()
    {
        _stasisApp = new AriSubscriber(["contactcenter"], bytes =>
        {
            var json = System.Text.Encoding.UTF8.GetString(bytes);
            _ariMessages.Add(json);
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.GetProperty("type").GetString() == "StasisStart")
            {
                _stasisChannel = doc.RootElement.GetProperty("channel").GetProperty("id").GetString();
            }
        }, _ => { });
        _sim.Engine.Run(() => _sim.Engine.Ari.Add(_stasisApp));
    }

    private void DisconnectStasisApp()
    {
        if (_stasisApp is { } app)
        {
            _sim.Engine.Run(() => _sim.Engine.Ari.Remove(app));
            _stasisApp = null;
        }
    }

    private void ExecuteAri(AriStep step)
    {
        var ops = new AriOperations(_sim.Engine);
        var parts = step.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[1] != "channels")
        {
            return;
        }
        var channel = _stasisChannel ?? parts[2];
        var query = System.Web.HttpUtility.ParseQueryString(step.Query);
        var result = (step.Method, parts.Length > 3 ? parts[3] : null) switch
        {
            ("GET", null) => ops.GetChannel(channel),
            ("POST", "answer") => ops.Answer(channel),
            ("POST", "play") => ops.Play(channel, parts.Length > 4 ? "pb-" + channel : null, query["media"], query["lang"]),
            ("DELETE", null) => ops.Hangup(channel, query["reason_code"], query["reason"]),
            _ => throw new InvalidOperationException($"ARI step {step.Method} {step.Path} is not replayed"),
        };
        if (result.Status >= 400)
        {
            throw new InvalidOperationException($"ARI step {step.Method} {step.Path} answered {result.Status} {result.Error}");
        }
    }

    private static async Task WaitAsync(Func<bool> condition, CancellationToken ct)
    {
        while (!condition())
        {
            await Task.Delay(1, ct);
        }
    }
}
