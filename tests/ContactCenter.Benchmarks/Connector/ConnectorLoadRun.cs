using System.Diagnostics;
using System.Runtime;
using ContactCenter.Benchmarks.Harness;
using ContactCenter.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.Connector;

/// <summary>
/// One connector-load run in this process: a fresh virtual host and state folder, the simulator executable
/// generating queue traffic, the connector (worker with <c>Roles=connector</c>, AMI only) reading it and
/// publishing to RabbitMQ. Measures from the connector's own counters (<see cref="ConnectorMetrics"/>).
/// </summary>
internal sealed class ConnectorLoadRun
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly string _run;
    private readonly string _simulatorArguments;
    private readonly long _channelTarget;
    private readonly TimeSpan _window;

    /// <param name="window">How long to measure after the warm-up (runs a, b), or at most (c).</param>
    /// <param name="channelTarget">Run c: measure once the simulator holds this many channels (0: measure the window).</param>
    public ConnectorLoadRun(string run, string title, string simulatorArguments, TimeSpan window, long channelTarget)
    {
        _run = run;
        Title = title;
        _simulatorArguments = simulatorArguments;
        _window = window;
        _channelTarget = channelTarget;
    }

    public string Title { get; }

    public async Task<ConnectorLoadResult> ExecuteAsync(CancellationToken ct)
    {
        var loadAverage = MachineFacts.LoadAverage();
        var queues = await LoadQueues.WriteAsync();
        var folder = Directory.CreateTempSubdirectory("cc-connector-load-").FullName;
        var logs = new WarningLog();
        using var vhost = RabbitMqVirtualHost.Create();
        try
        {
            await using var sim = await SimulatorProcess.StartAsync($"{_simulatorArguments} --queues \"{queues}\"", ct);
            var app = await CenterHost.StartAsync(CenterHost.Settings("connector", folder, vhost.Name, sim.AmiPort, ariBaseUrl: null), logs, ct);
            await using (app)
            {
                var metrics = app.Services.GetRequiredService<ConnectorMetrics>();
                var window = await MeasureAsync(sim, metrics, ct);
                logs.Close();
                // The load was started long enough to outlive the window: stop it, then let the outbox drain.
                await sim.DisposeAsync();
                var (appended, confirmed) = await DrainAsync(metrics, ct);
                var rssAfterGc = window.RssAfterGcMB ?? CollectAndReadRss();
                await app.StopAsync(ct);
                return new ConnectorLoadResult(_run, Title, sim.Arguments, window.Seconds, window.AmiEvents / window.Seconds, window.SimulatorEvents / window.Seconds,
                    window.Appended / window.Seconds, window.Confirmed / window.Seconds, window.P50.TotalMilliseconds, window.P99.TotalMilliseconds,
                    window.Max.TotalMilliseconds, appended, confirmed, window.Channels, window.ConnectorCpu, window.PeakRssMB, rssAfterGc, window.SimulatorCpu,
                    window.RabbitMqCpu, logs.Count, loadAverage, window.WarmupSeconds);
            }
        }
        finally
        {
            File.Delete(queues);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Waits for the connector's first events, lets it warm up, then measures for the window, or until the channel
    /// target is reached (c). A simulator that exits early ends the window at the last snapshot taken before.
    /// </summary>
    private async Task<Window> MeasureAsync(SimulatorProcess sim, ConnectorMetrics metrics, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (metrics.AmiEvents == 0)
        {
            if (sim.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException("The connector received no AMI event within 60 s (or the simulator exited first)");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }
        Console.WriteLine($"  connector ingesting; warming up {Warmup.TotalSeconds:0} s and until the outbox caught up");
        await Task.Delay(Warmup, ct);
        // The connector joins a load already running (resync, cold JIT and connections): measure the steady state,
        // once fewer than 2,000 events wait for their confirm, or say that it never got there.
        var catchUp = Stopwatch.StartNew();
        while (metrics.DomainEvents - metrics.PublishedEvents > 2_000 && catchUp.Elapsed < TimeSpan.FromSeconds(30) && !sim.HasExited)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
        var backlog = metrics.DomainEvents - metrics.PublishedEvents;
        Console.WriteLine($"  after {catchUp.Elapsed.TotalSeconds:0.0} s more, {backlog:N0} events wait for a confirm");
        var caughtUp = backlog <= 2_000 ? Warmup + catchUp.Elapsed : (TimeSpan?)null;

        var connectorCpu = CpuMeter.Current();
        var simulatorCpu = CpuMeter.Of(sim.Process);
        var rabbitCpu = CpuMeter.RabbitMq();
        metrics.FrameToConfirm.Reset();
        var start = Snapshot.Take(metrics, sim, connectorCpu, simulatorCpu, rabbitCpu);
        var last = start;
        var wall = Stopwatch.StartNew();
        var printed = TimeSpan.Zero;
        while (true)
        {
            await Task.Delay(Poll, ct);
            var now = Snapshot.Take(metrics, sim, connectorCpu, simulatorCpu, rabbitCpu);
            if (sim.HasExited)
            {
                break;
            }
            last = now;
            if (wall.Elapsed - printed >= TimeSpan.FromSeconds(1))
            {
                printed = wall.Elapsed;
                Console.WriteLine($"  [{wall.Elapsed.TotalSeconds,5:0}s] AMI events {now.AmiEvents:N0}, appended {now.Appended:N0}, confirmed {now.Confirmed:N0}, " +
                    $"p99 {now.P99.TotalMilliseconds:0.0} ms, channels {sim.Channels:N0}, RSS {Environment.WorkingSet / 1_000_000.0:0} MB");
            }
            if (_channelTarget > 0 ? sim.Channels >= _channelTarget : wall.Elapsed >= _window)
            {
                break;
            }
            if (wall.Elapsed > _window + TimeSpan.FromMinutes(5))
            {
                throw new InvalidOperationException($"The simulator did not reach {_channelTarget:N0} channels within 5 minutes of the window (last {sim.Channels:N0})");
            }
        }
        if (_channelTarget > 0 && sim.Channels < _channelTarget)
        {
            throw new InvalidOperationException($"The simulator's load ended at {sim.PeakChannels:N0} channels, before the target {_channelTarget:N0}: lengthen its --duration");
        }
        var seconds = (last.At - start.At).TotalSeconds;
        double? afterGc = _channelTarget > 0 ? CollectAndReadRss() : null;
        return new Window(seconds, last.AmiEvents - start.AmiEvents, last.SimulatorEvents - start.SimulatorEvents, last.Appended - start.Appended,
            last.Confirmed - start.Confirmed, last.P50, last.P99, last.Max, _channelTarget > 0 ? sim.Channels : sim.PeakChannels,
            last.ConnectorCpu, PeakRss(), afterGc, last.SimulatorCpu, last.RabbitMqCpu, caughtUp?.TotalSeconds);
    }

    /// <summary>After the load: waits until every appended domain event was confirmed (or a minute passed), returns both counts.</summary>
    private static async Task<(long Appended, long Confirmed)> DrainAsync(ConnectorMetrics metrics, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        var stable = 0;
        var previous = -1L;
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            var appended = metrics.DomainEvents;
            var confirmed = metrics.PublishedEvents;
            stable = appended == confirmed && appended == previous ? stable + 1 : 0;
            previous = appended;
            if (stable >= 4)
            {
                break;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
        Console.WriteLine($"  drained in {deadline.Elapsed.TotalSeconds:0.0} s: appended {metrics.DomainEvents:N0}, confirmed {metrics.PublishedEvents:N0}");
        return (metrics.DomainEvents, metrics.PublishedEvents);
    }

    private static double CollectAndReadRss()
    {
        // Aggressive: a full blocking compacting collection that also returns free memory to the OS, so what is
        // left is what the connector holds.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / 1_000_000.0;
    }

    /// <summary>The kernel's high-water mark of the resident set (VmHWM) of this process, which runs this one measurement.</summary>
    private static double PeakRss()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / 1_000_000.0;
    }

    private sealed record Window(double Seconds, long AmiEvents, long SimulatorEvents, long Appended, long Confirmed, TimeSpan P50, TimeSpan P99, TimeSpan Max,
        long Channels, double ConnectorCpu, double PeakRssMB, double? RssAfterGcMB, double SimulatorCpu, double RabbitMqCpu, double? WarmupSeconds);

    private sealed record Snapshot(TimeSpan At, long AmiEvents, long SimulatorEvents, long Appended, long Confirmed, TimeSpan P50, TimeSpan P99, TimeSpan Max,
        double ConnectorCpu, double SimulatorCpu, double RabbitMqCpu)
    {
        private static readonly Stopwatch Clock = Stopwatch.StartNew();

        public static Snapshot Take(ConnectorMetrics m, SimulatorProcess sim, CpuMeter connector, CpuMeter simulator, CpuMeter rabbit) =>
            new(Clock.Elapsed, m.AmiEvents, sim.EventsEmitted, m.DomainEvents, m.PublishedEvents, m.FrameToConfirm.Percentile(50), m.FrameToConfirm.Percentile(99),
                m.FrameToConfirm.Max, connector.Percent(), sim.HasExited ? double.NaN : simulator.Percent(), rabbit.Percent());
    }
}
