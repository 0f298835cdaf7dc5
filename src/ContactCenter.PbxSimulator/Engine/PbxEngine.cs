using System.Globalization;
using ContactCenter.PbxSimulator.Ami;
using ContactCenter.PbxSimulator.Ari;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Config;
using ContactCenter.PbxSimulator.Dialplan;
using ContactCenter.PbxSimulator.Queues;
using Microsoft.Extensions.Logging;

namespace ContactCenter.PbxSimulator.Engine;

/// <summary>
/// The simulated Asterisk: channels, dialplan execution, bridges, queues, device states, Stasis. All of it
/// runs under <see cref="Gate"/>; the AMI and ARI servers, the scenario API and the clock call in through
/// <see cref="Run"/>. Split by concern: channels and hangups, the dialplan runner and its applications,
/// Dial/Originate, Stasis, restart.
/// </summary>
internal sealed partial class PbxEngine
{
    private readonly Dictionary<string, SimChannel> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimChannel> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SimChannel> _live = [];
    private readonly Dictionary<string, SimBridge> _bridges = new(StringComparer.Ordinal);
    private readonly List<Endpoint> _dirtyDevices = [];
    private readonly Dictionary<string, string> _deviceStates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _globals = new(StringComparer.Ordinal);
    private readonly Queue<Action> _deferred = new();
    private readonly Dictionary<string, PlaybackRecord> _livePlaybacks = new(StringComparer.Ordinal);
    private int _sequence;

    public PbxEngine(PbxSimulatorOptions options, SimClock clock, EngineGate gate, ILogger logger)
    {
        Options = options;
        Clock = clock;
        clock.Runner = Run;
        Gate = gate;
        Logger = logger;
        Log = new EventLog();
        Ami = new AmiEmitter(Log, clock, options.TimestampEvents);
        Ari = new AriEvents(clock, options.EntityId);
        Random = new Random(options.Seed);
        Dialplan = LoadDialplan(options);
        var queues = LoadQueues(options);
        Queues = new QueueManager(this, queues);
        Endpoints = LoadEndpoints(options, Dialplan);
        Trunk = Endpoints["trunk"];
        StartedAt = clock.Now;
        SeedDeviceStates();
        ResetGlobals();
        Queues.LoadStaticMembers();
    }

    public PbxSimulatorOptions Options { get; }

    public SimClock Clock { get; }

    public EngineGate Gate { get; }

    public ILogger Logger { get; }

    public EventLog Log { get; }

    public AmiEmitter Ami { get; }

    public AriEvents Ari { get; }

    public Random Random { get; }

    public DialplanModel Dialplan { get; }

    public QueueManager Queues { get; }

    public Dictionary<string, Endpoint> Endpoints { get; }

    public Endpoint Trunk { get; }

    /// <summary>When the simulated Asterisk (re)started: FullyBooted Uptime and ARI startup_time.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    public IReadOnlyList<SimChannel> LiveChannels => _live;

    public IReadOnlyDictionary<string, SimBridge> Bridges => _bridges;

    /// <summary>Every playback since start (the history tests inspect); live ones are also indexed by id.</summary>
    public List<PlaybackRecord> Playbacks { get; } = [];

    public List<RecordingRecord> Recordings { get; } = [];

    public IReadOnlyDictionary<string, string> Globals => _globals;

    /// <summary>Calls that entered the dialplan from a phone or the trunk.</summary>
    public long CallsStarted { get; set; }

    /// <summary>Callers connected to someone (queue member or dialed party).</summary>
    public long CallsConnected { get; set; }

    /// <summary>Callers who abandoned a queue.</summary>
    public long CallsAbandoned { get; set; }

    /// <summary>Raised (under the lock) when a channel appears (after its Newchannel) or is destroyed.</summary>
    public event Action<SimChannel, bool>? ChannelChanged;

    public void AnnounceChannel(SimChannel ch) => ChannelChanged?.Invoke(ch, true);

    /// <summary>
    /// Runs one operation under the lock, then emits the device states it changed and runs the work it
    /// deferred (a queue offering a freed agent to the next caller comes after the teardown that freed it).
    /// </summary>
    public void Run(Action work) => Gate.Run(() =>
    {
        work();
        Settle();
    });

    public T Run<T>(Func<T> work) => Gate.Run(() =>
    {
        var result = work();
        Settle();
        return result;
    });

    /// <summary>Queues work for the end of the current operation.</summary>
    public void Defer(Action work) => _deferred.Enqueue(work);

    /// <summary>Raised under the lock at the end of every operation (test waiters re-check their conditions).</summary>
    public event Action? OperationCompleted;

    private void Settle()
    {
        while (true)
        {
            FlushDeviceStates();
            if (!_deferred.TryDequeue(out var next))
            {
                break;
            }
            next();
        }
        OperationCompleted?.Invoke();
    }

    public SimChannel? FindChannel(string idOrName) =>
        _byId.TryGetValue(idOrName, out var ch) ? ch : _byName.GetValueOrDefault(idOrName);

    public long NowSeconds => Clock.Now.ToUnixTimeSeconds();

    /// <summary>Whole seconds between two moments as Asterisk computes them (difference of time() values).</summary>
    public static long SecondsBetween(DateTimeOffset from, DateTimeOffset to) => to.ToUnixTimeSeconds() - from.ToUnixTimeSeconds();

    public SimChannel CreateChannel(Endpoint endpoint, ChannelDirection direction, string? linkedid, string? remoteNumber, string protocolId)
    {
        var seq = _sequence++;
        var now = Clock.Now;
        var uniqueid = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + seq.ToString(CultureInfo.InvariantCulture);
        var name = "PJSIP/" + endpoint.Name + "-" + seq.ToString("x8", CultureInfo.InvariantCulture);
        var ch = new SimChannel(name, uniqueid, linkedid ?? uniqueid, endpoint, direction, now)
        {
            ProtocolId = protocolId,
            RemoteNumber = remoteNumber,
        };
        _byId[uniqueid] = ch;
        _byName[name] = ch;
        _live.Add(ch);
        endpoint.Channels.Add(ch);
        return ch;
    }

    public string NewSipCallId() => Random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);

    public string NewUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>Sets a channel variable: AMI VarSet, and ChannelVarset for the Stasis application holding the channel.</summary>
    public void SetVar(SimChannel ch, string name, string value)
    {
        ch.Variables[name] = value;
        Ami.VarSet(ch, name, value);
        if (ch.Stasis is { } stasis)
        {
            Ari.ChannelVarset(stasis.App, ch, name, value);
        }
    }

    public string? GetVar(SimChannel? ch, string name)
    {
        if (ch is not null)
        {
            switch (name)
            {
                case "EXTEN":
                    return ch.Exten;
                case "CONTEXT":
                    return ch.Context;
                case "PRIORITY":
                    return ch.Priority.ToString(CultureInfo.InvariantCulture);
                case "UNIQUEID":
                    return ch.Uniqueid;
                case "LINKEDID":
                    return ch.Linkedid;
                case "CHANNEL":
                    return ch.Name;
                case "EPOCH":
                    return NowSeconds.ToString(CultureInfo.InvariantCulture);
            }
            if (ch.Variables.TryGetValue(name, out var value))
            {
                return value;
            }
        }
        return _globals.GetValueOrDefault(name);
    }

    public void SetGlobal(string name, string value) => _globals[name] = value;

    /// <summary>Expands <c>${…}</c> in the context of a channel.</summary>
    public string Expand(SimChannel ch, string text) =>
        VariableExpander.Expand(text, name => GetVar(ch, name), (function, arg) => Function(ch, function, arg));

    private static string Function(SimChannel ch, string function, string arg)
    {
        if (function.Equals("CALLERID", StringComparison.OrdinalIgnoreCase))
        {
            return arg.ToLowerInvariant() switch
            {
                "num" or "number" => ch.CallerNum,
                "name" => ch.CallerName,
                "all" => string.IsNullOrEmpty(ch.CallerName) ? $"<{ch.CallerNum}>" : $"\"{ch.CallerName}\" <{ch.CallerNum}>",
                _ => throw new InvalidOperationException($"CALLERID({arg}) is not implemented by the simulator (num, name, all)"),
            };
        }
        throw new InvalidOperationException($"Dialplan function {function}() is not implemented by the simulator");
    }

    private void ResetGlobals()
    {
        _globals.Clear();
        foreach (var (key, value) in Dialplan.Globals)
        {
            _globals[key] = value;
        }
    }

    private static DialplanModel LoadDialplan(PbxSimulatorOptions options)
    {
        var (text, source) = Text(options.ExtensionsConfText, options.ExtensionsConfPath, "extensions.conf");
        return DialplanParser.Parse(text, source);
    }

    private static QueuesConfig LoadQueues(PbxSimulatorOptions options)
    {
        var (text, source) = Text(options.QueuesConfText, options.QueuesConfPath, "queues.conf");
        return QueuesConfParser.Parse(text, source);
    }

    private static Dictionary<string, Endpoint> LoadEndpoints(PbxSimulatorOptions options, DialplanModel dialplan)
    {
        var endpoints = new Dictionary<string, Endpoint>(StringComparer.Ordinal);
        var agentContext = dialplan.HasContext("agents") ? "agents" : "default";
        for (var i = 1; i <= options.Agents; i++)
        {
            var number = (6000 + i).ToString(CultureInfo.InvariantCulture);
            endpoints[number] = new Endpoint(number, "Agent " + number, number, agentContext, isTrunk: false);
        }
        var pjsip = options.PjsipConfText ?? (options.PjsipConfPath is { } path ? File.ReadAllText(path) : null);
        if (pjsip is not null)
        {
            foreach (var e in PjsipConfParser.Parse(pjsip, options.PjsipConfPath ?? "pjsip.conf"))
            {
                endpoints[e.Name] = new Endpoint(e.Name, e.CallerIdName, e.CallerIdNum, e.Context, isTrunk: e.Name == "trunk");
            }
        }
        if (!endpoints.ContainsKey("trunk"))
        {
            var trunkContext = dialplan.HasContext("from-trunk") ? "from-trunk" : agentContext;
            endpoints["trunk"] = new Endpoint("trunk", string.Empty, string.Empty, trunkContext, isTrunk: true);
        }
        return endpoints;
    }

    private static (string Text, string Source) Text(string? text, string? path, string fileName)
    {
        if (text is not null)
        {
            return (text, fileName);
        }
        if (path is not null)
        {
            return (File.ReadAllText(path), path);
        }
        using var stream = typeof(PbxEngine).Assembly.GetManifestResourceStream("asterisk-config/" + fileName)
            ?? throw new InvalidOperationException($"The embedded asterisk-config/{fileName} is missing from the simulator assembly");
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), "asterisk-config/" + fileName);
    }
}
