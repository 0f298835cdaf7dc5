using ContactCenter.PbxSimulator;

namespace ContactCenter.Worker.Demo;

/// <summary>
/// Runs the simulator in real time inside the worker and plays a small day at the center: four agents log
/// in from their phones, customers call the support (7000) and sales (7001) numbers, agents answer after a
/// few seconds and talk, some callers give up, an agent takes a lunch break and comes back.
/// </summary>
internal sealed partial class DemoSimulatorService(DemoSettings settings, IHostApplicationLifetime lifetime, ILoggerFactory loggers, ILogger<DemoSimulatorService> logger)
    : BackgroundService
{
    private static readonly (string Phone, string Agent)[] Agents = [("6001", "210"), ("6002", "211"), ("6003", "212"), ("6004", "213")];

    private PbxSimulator.PbxSimulator? _sim;

    /// <summary>Listens before returning, so the connector, started next, finds the simulated Asterisk up.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new PbxSimulatorOptions
        {
            AmiPort = settings.AmiPort,
            AriPort = settings.AriPort,
            Username = settings.AmiUser,
            Secret = settings.AmiSecret,
            Agents = Agents.Length,
            Clock = SimClockMode.RealTime,
        };
        options.AriUsers[settings.AriUser] = settings.AriPassword;
        _sim = await PbxSimulator.PbxSimulator.StartAsync(options, loggers, cancellationToken);
        Log.Started(logger, _sim.AmiPort, _sim.AriPort);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        try
        {
            await PlayAsync(_sim!, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PlayAsync(PbxSimulator.PbxSimulator sim, CancellationToken ct)
    {
        var random = new Random(7);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        foreach (var (phone, agent) in Agents)
        {
            sim.Phone(phone).IncomingCalls = CallBehaviour.AnswerAfter(TimeSpan.FromSeconds(3)).ThenHangUpAfter(TimeSpan.FromSeconds(10 + random.Next(10)));
            Log.Dialling(logger, phone, $"**1{agent}", "log agent " + agent + " in");
            sim.Phone(phone).Dial($"**1{agent}");
            await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        }

        for (var tick = 1; ; tick++)
        {
            var number = $"+54911{random.Next(40000000, 49999999)}";
            var queueNumber = random.Next(2) == 0 ? "7000" : "7001";
            var patience = TimeSpan.FromSeconds(random.Next(4, 40));
            Log.CustomerCalling(logger, number, queueNumber, patience.TotalSeconds);
            sim.Customer(number).Call(queueNumber, patience: patience);
            if (tick % 8 == 0)
            {
                Log.Dialling(logger, "6002", "**22", "agent 211 goes to lunch (pause code 2)");
                sim.Phone("6002").Dial("**22");
            }
            if (tick % 8 == 4 && tick > 4)
            {
                Log.Dialling(logger, "6002", "**3", "agent 211 is back (unpause)");
                sim.Phone("6002").Dial("**3");
            }
            await Task.Delay(TimeSpan.FromSeconds(random.Next(4, 9)), ct);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "[demo] simulated Asterisk listening: AMI 127.0.0.1:{AmiPort}, ARI 127.0.0.1:{AriPort}")]
        public static partial void Started(ILogger logger, int amiPort, int ariPort);

        [LoggerMessage(EventId = 901, Level = LogLevel.Information, Message = "[demo] phone {Phone} dials {Code}: {Why}")]
        public static partial void Dialling(ILogger logger, string phone, string code, string why);

        [LoggerMessage(EventId = 902, Level = LogLevel.Information, Message = "[demo] customer {Number} calls {Extension} (hangs up after {PatienceSeconds} s of waiting)")]
        public static partial void CustomerCalling(ILogger logger, string number, string extension, double patienceSeconds);
    }
}
