using System.Diagnostics;
using System.Globalization;
using ContactCenter.Asterisk.Ami;
using ContactCenter.Benchmarks.Harness;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Benchmarks.Simulator;

/// <summary>
/// Measured harness for the simulator's load mode: starts the simulator executable as its own process
/// (so its CPU is its own), connects the product's AMI client, and counts the events the client receives
/// per second while calls flow. Prints the client-side rate and the simulator's summary (events/s, CPU).
/// </summary>
internal static class SimulatorLoadHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Arg(args, "--calls-per-second", 450);
        var seconds = Arg(args, "--seconds", 20);
        var talk = Arg(args, "--talk-seconds", 1);
        var agents = (int)Arg(args, "--agents", Math.Min(3999, Math.Ceiling(rate * (talk * 1.5 + 0.5) * 1.5)));
        var fast = args.Contains("--fast");
        var queues = await LoadQueues.WriteAsync();
        var exe = Path.Combine(AppContext.BaseDirectory, "ContactCenter.PbxSimulator.dll");
        var simArgs = string.Create(CultureInfo.InvariantCulture,
            $"\"{exe}\" --ami-port 0 --ari-port 0 --agents {agents} --calls-per-second {rate} --talk-seconds {talk} --ring-seconds 0.2 --abandon-ratio 0.05 --duration {seconds} --queues \"{queues}\"{(fast ? " --fast" : "")}");
        Console.WriteLine($"starting: dotnet {simArgs}");
        using var process = Process.Start(new ProcessStartInfo("dotnet", simArgs) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var port = 0;
        var lines = new List<string>();
        while (port == 0 && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
            if (line.TrimStart().StartsWith("AMI ", StringComparison.Ordinal))
            {
                port = int.Parse(line.Split(':')[1].Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        var output = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        });

        await using var client = new AmiClient(new AmiClientOptions { Port = port, Username = "admin", Secret = "admin" }, NullLogger<AmiClient>.Instance);
        client.Start();
        await client.WaitUntilConnectedAsync(CancellationToken.None);
        var clientCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var received = 0L;
        var perSecond = new List<long>();
        var watch = Stopwatch.StartNew();
        var lastSecond = 0L;
        var reader = client.Events;
        while (!process.HasExited)
        {
            while (reader.TryRead(out var item))
            {
                if (item.Kind == AmiStreamItemKind.Event)
                {
                    received++;
                }
            }
            if (watch.ElapsedMilliseconds / 1000 > perSecond.Count)
            {
                perSecond.Add(received - lastSecond);
                lastSecond = received;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{perSecond.Count,3}s] client received {perSecond[^1],8:N0} events"));
            }
            using var cts = new CancellationTokenSource(100);
            try
            {
                await reader.WaitToReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // A quiet 100 ms: check the process and the clock again.
            }
        }
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu0;
        await output;
        File.Delete(queues);
        // Steady state: leave out the first second (JIT, agents joining) and the last partial one.
        var steady = perSecond.Skip(1).SkipLast(1).ToList();
        var summary = lines.LastOrDefault(l => l.StartsWith("summary:", StringComparison.Ordinal)) ?? "(no summary)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            simulator {summary}
            client    {received:N0} events in {watch.Elapsed.TotalSeconds:0.0} s; steady {(steady.Count > 0 ? steady.Average() : 0):N0} events/s (min {(steady.Count > 0 ? steady.Min() : 0):N0}, max {(steady.Count > 0 ? steady.Max() : 0):N0}); client CPU {clientCpu.TotalSeconds / watch.Elapsed.TotalSeconds * 100:0}% of one core; dropped by the client buffer: {client.EventsDropped}
            """));
        return 0;
    }

    private static double Arg(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
