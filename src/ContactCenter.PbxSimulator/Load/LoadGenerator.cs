using System.Diagnostics;
using System.Globalization;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator.Load;

/// <summary>
/// Generates queue traffic: agents join the queue and answer after a ring, customers arrive through the
/// trunk at the configured rate, talk, or abandon. Counts what the PBX emitted.
/// </summary>
internal sealed class LoadGenerator(PbxSimulator sim, LoadOptions options)
{
    private readonly PbxEngine _engine = sim.Engine;
    private readonly Random _random = new(options.Seed);

    public async Task<LoadReport> RunAsync(CancellationToken ct)
    {
        Prepare();
        var (events0, bytes0) = (_engine.Log.Events, _engine.Log.EventBytes);
        var (calls0, answered0, abandoned0) = _engine.Gate.Run(() => (_engine.CallsStarted, _engine.CallsConnected, _engine.CallsAbandoned));
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var simStart = sim.Clock.Now;
        var lastProgress = TimeSpan.Zero;
        LoadReport Report() => _engine.Gate.Run(() => new LoadReport(_engine.CallsStarted - calls0, _engine.CallsConnected - answered0, _engine.CallsAbandoned - abandoned0,
            _engine.Log.Events - events0, _engine.Log.EventBytes - bytes0, wall.Elapsed, sim.Clock.Now - simStart,
            Process.GetCurrentProcess().TotalProcessorTime - cpu0));

        var interval = TimeSpan.FromSeconds(1 / options.CallsPerSecond);
        var nextArrival = simStart;
        var end = simStart + options.Duration;
        var step = options.Pace == LoadPace.AsFastAsPossible ? TimeSpan.FromMilliseconds(20) : TimeSpan.Zero;
        try
        {
            while (sim.Clock.Now < end && !ct.IsCancellationRequested)
            {
                if (options.Pace == LoadPace.RealTime)
                {
                    var now = sim.Clock.Now;
                    _engine.Run(() =>
                    {
                        for (; nextArrival <= now && nextArrival < end; nextArrival += interval)
                        {
                            Arrive();
                        }
                    });
                    var wait = nextArrival - sim.Clock.Now;
                    await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait > TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : wait, ct);
                }
                else
                {
                    var horizon = sim.Clock.Now + step;
                    for (; nextArrival <= horizon && nextArrival < end; nextArrival += interval)
                    {
                        sim.Clock.Schedule(nextArrival - sim.Clock.Now, Arrive, "load arrival");
                    }
                    sim.Clock.AdvanceTo(horizon < end ? horizon : end);
                    while (sim.Ami.MaxLag > options.MaxClientBacklog && !ct.IsCancellationRequested)
                    {
                        await Task.Delay(1, ct);
                    }
                    await Task.Yield();
                }
                if (wall.Elapsed - lastProgress >= TimeSpan.FromSeconds(1))
                {
                    lastProgress = wall.Elapsed;
                    options.Progress?.Invoke(Report());
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped early: report what was generated.
        }
        return Report();
    }

    /// <summary>Agents join the queue (as the product would with QueueAdd) and answer after the ring time.</summary>
    private void Prepare() => _engine.Run(() =>
    {
        if (_engine.Queues.Find(options.Queue) is null)
        {
            throw new ArgumentException($"LoadOptions:Queue '{options.Queue}' is not a queue of the loaded queues.conf");
        }
        if (!_engine.Dialplan.Exists(_engine.Trunk.Context, options.Extension))
        {
            throw new ArgumentException($"LoadOptions:Extension '{options.Extension}' is not routed from the trunk context '{_engine.Trunk.Context}'");
        }
        for (var i = 1; i <= options.Agents; i++)
        {
            var number = (6000 + i).ToString(CultureInfo.InvariantCulture);
            _engine.Endpoints[number].Incoming = CallBehaviour.AnswerAfter(options.RingTime);
            var iface = "PJSIP/" + number;
            if (_engine.Queues.Find(options.Queue)!.Member(iface) is null)
            {
                _engine.Queues.Add(options.Queue, iface, "Agent " + number, null, 0, paused: false, string.Empty, 0);
            }
        }
    });

    private void Arrive()
    {
        var abandons = _random.NextDouble() < options.AbandonRatio;
        var talk = TimeSpan.FromTicks((long)(options.TalkTime.Ticks * (0.5 + _random.NextDouble())));
        // Abandoning callers give up before the agent's phone would be answered.
        var patience = abandons ? TimeSpan.FromTicks((long)(options.RingTime.Ticks * _random.NextDouble())) : (TimeSpan?)null;
        var number = "+54911" + (4_000_000 + _engine.CallsStarted % 6_000_000).ToString(CultureInfo.InvariantCulture);
        _engine.StartInboundCall(_engine.Trunk, options.Extension, number, string.Empty, new InboundScript { TalkTime = talk, Patience = patience });
    }
}
