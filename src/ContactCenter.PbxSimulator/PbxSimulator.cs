using System.Net;
using ContactCenter.PbxSimulator.Ami;
using ContactCenter.PbxSimulator.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.PbxSimulator;

/// <summary>
/// An Asterisk 22 stand-in for tests and demos: AMI on TCP and ARI on HTTP/WebSocket, executing the
/// product's extensions.conf and queues.conf with simulated phones and customers, a controllable clock,
/// fault injection and a load generator. Start it with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed partial class PbxSimulator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private Task _clockLoop = Task.CompletedTask;
    private int _disposed;

    private PbxSimulator(PbxSimulatorOptions options, PbxEngine engine, AmiServer ami, ILoggerFactory loggerFactory)
    {
        Options = options;
        Engine = engine;
        Ami = ami;
        LoggerFactory = loggerFactory;
        Faults = new SimFaults(this);
        engine.OperationCompleted += CheckWaiters;
    }

    public PbxSimulatorOptions Options { get; }

    /// <summary>The simulated time and its timers.</summary>
    public SimClock Clock => Engine.Clock;

    /// <summary>Fault injection.</summary>
    public SimFaults Faults { get; }

    /// <summary>The AMI port actually listened on.</summary>
    public int AmiPort => Ami.Port;

    internal PbxEngine Engine { get; }

    internal AmiServer Ami { get; }

    internal ILoggerFactory LoggerFactory { get; }

    internal TimeSpan AriResponseDelay { get; set; }

    internal TimeSpan AriAnswerDelay { get; set; }

    /// <summary>Starts the simulator: loads and checks the configuration, binds AMI and ARI, starts the clock.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    /// <exception cref="PbxConfigException">A configuration file cannot be loaded (file and line given).</exception>
    public static async Task<PbxSimulator> StartAsync(PbxSimulatorOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("ContactCenter.PbxSimulator");
        var gate = new EngineGate();
        var clock = new SimClock(options.Clock, options.StartTime ?? DateTimeOffset.UtcNow, gate);
        var engine = new PbxEngine(options, clock, gate, logger);
        var ami = new AmiServer(engine, IPAddress.Parse(options.BindAddress), options.AmiPort, logger);
        var sim = new PbxSimulator(options, engine, ami, loggerFactory);
        try
        {
            ami.Start();
            await sim.StartAriAsync(cancellationToken);
            sim._clockLoop = clock.RunAsync(sim.IsQuiet, options.AutoAdvanceQuietPeriod, sim._stopping.Token);
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
        return sim;
    }

    /// <summary>A phone by extension (6001 …, or an endpoint of the pjsip.conf given in the options).</summary>
    /// <exception cref="ArgumentException">No such endpoint.</exception>
    public SimPhone Phone(string extension) =>
        Engine.Endpoints.TryGetValue(extension, out var endpoint) && !endpoint.IsTrunk
            ? new SimPhone(this, endpoint)
            : throw new ArgumentException($"There is no phone {extension}: the simulator has {string.Join(", ", Engine.Endpoints.Values.Where(e => !e.IsTrunk).Select(e => e.Name))} (PbxSimulatorOptions.Agents, PjsipConf*)", nameof(extension));

    /// <summary>A customer on the carrier trunk, by number (E.164, e.g. <c>+5491145550000</c>).</summary>
    public SimCustomer Customer(string number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        return new SimCustomer(this, number);
    }

    /// <summary>
    /// Restarts the simulated Asterisk (<c>core restart now</c>): Shutdown to AMI clients and their sockets
    /// closed, ARI WebSockets dropped without a close frame, all channels gone, dynamic members gone.
    /// For <see cref="PbxSimulatorOptions.RestartDowntime"/> (simulated time) new connections are closed
    /// at once; after that clients log in again and see FullyBooted with a small Uptime.
    /// </summary>
    public Task RestartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Engine.Run(() => Engine.Restart(Options.RestartDowntime));
        return Task.CompletedTask;
    }

    /// <summary>Completes when <paramref name="condition"/> holds (checked after every simulator operation, under its lock).</summary>
    public Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Engine.Run(() =>
        {
            if (condition())
            {
                done.TrySetResult();
            }
            else
            {
                _waiters.Add((condition, done));
            }
        });
        return done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync();
        await _clockLoop;
        await StopAriAsync();
        await Ami.DisposeAsync();
        Engine.OperationCompleted -= CheckWaiters;
        _stopping.Dispose();
    }

    /// <summary>Nothing is being processed and every client has been sent everything (what AutoAdvance waits for).</summary>
    internal bool IsIdle => !Engine.Gate.IsBusy && IsQuiet();

    private bool IsQuiet() => Ami.IsQuiet() && IsAriQuiet();

    private void CheckWaiters()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            var (condition, done) = _waiters[i];
            if (done.Task.IsCompleted || condition())
            {
                done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }
}
