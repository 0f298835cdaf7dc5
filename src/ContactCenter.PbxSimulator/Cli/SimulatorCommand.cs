using Microsoft.Extensions.Logging;

namespace ContactCenter.PbxSimulator.Cli;

/// <summary>The executable: starts the simulator with the command-line settings and runs until Ctrl+C.</summary>
internal static class SimulatorCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new PbxSimulatorOptions { AmiPort = 5038, AriPort = 8088, Clock = SimClockMode.RealTime };
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await using var sim = await PbxSimulator.StartAsync(options, loggerFactory, stop.Token);
        await Console.Out.WriteLineAsync($"AMI on {options.BindAddress}:{sim.AmiPort}; press Ctrl+C to stop");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }
        return 0;
    }
}
