using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContactCenter.Benchmarks.Harness;

namespace ContactCenter.Benchmarks.Connector;

/// <summary>
/// Issue 4's benchmark: the connector under the simulator's load mode with real RabbitMQ. Three runs, each in
/// its own child process so that its CPU and resident set are its own: (a) the highest ingest rate, (b) latency
/// at a fixed ~5,000 AMI events/s, (c) memory with 10,000 concurrent channels. Prints a markdown table.
/// </summary>
internal static class ConnectorLoadHarness
{
    private const string ResultPrefix = "result: ";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new HarnessArgs(args);
        if (options.Text("--run") is { } run)
        {
            var result = await Define(run, options).ExecuteAsync(CancellationToken.None);
            Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
            return 0;
        }

        var loadAverage = MachineFacts.LoadAverage();
        var results = new List<ConnectorLoadResult>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            Console.WriteLine($"run {name}: {Define(name, options).Title}");
            results.Add(await RunChildAsync(name, args));
        }
        Print(args, results, loadAverage);
        return 0;
    }

    private static ConnectorLoadRun Define(string run, HarnessArgs options)
    {
        var seconds = options.Number("--seconds", 20);
        var window = TimeSpan.FromSeconds(seconds);
        // Generous: the load must outlive the worker's start, the warm-up and the window; the run stops it.
        var duration = (int)seconds + 60;
        switch (run)
        {
            case "a":
            {
                // The simulator's real-time ceiling on this machine (simulator-load: ~59,000 AMI events/s). Its --fast mode
                // does not fit: the connector's AMI client never slows the socket (it drops and resynchronises when its
                // buffer is full, as it must with a real Asterisk), so --fast measures that overflow, not a rate.
                var rate = options.Number("--max-calls-per-second", 450);
                return new ConnectorLoadRun("a", F($"(a) max ingest, {rate:0} calls/s"), QueueLoad(rate, duration), window, channelTarget: 0);
            }
            case "b":
            {
                var rate = options.Number("--latency-calls-per-second", 38);
                return new ConnectorLoadRun("b", F($"(b) fixed rate, {rate:0} calls/s"), QueueLoad(rate, duration), window, channelTarget: 0);
            }
            case "c":
            {
                var channels = options.Integer("--channels", 10_000);
                var agents = options.Integer("--channel-agents", 2_500);
                var rate = options.Number("--channel-calls-per-second", 250);
                // Nobody hangs up during the run: agents talk for an hour, the other callers wait in the queue.
                var arguments = F($"--agents {agents} --calls-per-second {rate} --talk-seconds 3600 --ring-seconds 0.2 --abandon-ratio 0 --duration 900");
                return new ConnectorLoadRun("c", F($"(c) {channels:N0} concurrent channels"), arguments, TimeSpan.Zero, channels);
            }
            default:
                throw new ArgumentException($"--run: '{run}' is not a, b or c");
        }
    }

    /// <summary>Support-queue traffic shaped like simulator-load: 1 s talk, 0.2 s ring, 5% abandon, enough agents to answer everyone.</summary>
    private static string QueueLoad(double rate, int duration)
    {
        var agents = (int)Math.Min(3999, Math.Ceiling(rate * 2 * 1.5));
        return F($"--agents {agents} --calls-per-second {rate} --talk-seconds 1 --ring-seconds 0.2 --abandon-ratio 0.05 --duration {duration}");
    }

    private static async Task<ConnectorLoadResult> RunChildAsync(string run, string[] args)
    {
        var self = Path.Combine(AppContext.BaseDirectory, "ContactCenter.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { self, "connector-load", "--run", run }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        using var child = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started for a run");
        ConnectorLoadResult? result = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<ConnectorLoadResult>(line[ResultPrefix.Length..]);
            }
            else
            {
                Console.WriteLine(line);
            }
        }
        await child.WaitForExitAsync();
        return result ?? throw new InvalidOperationException($"Run {run} failed (exit code {child.ExitCode}); its output is above");
    }

    private static void Print(string[] args, IReadOnlyList<ConnectorLoadResult> results, string loadAverage)
    {
        var table = new MarkdownTable(ConnectorLoadResult.Headers);
        foreach (var r in results)
        {
            table.Add(r.Cells());
        }
        var a = results.Single(r => r.Run == "a");
        var b = results.Single(r => r.Run == "b");
        var c = results.Single(r => r.Run == "c");
        table.NoteCommandAndMachine("connector-load", args, loadAverage);
        table.Note("The 2 cores are shared by the simulator (its own process), the connector (the harness process: the worker with `Roles=connector`, " +
            "AMI only, SQLite outbox) and RabbitMQ (`beam.smp`); CPU is % of one core over the measured window, RSS is the connector process's " +
            "(peak = kernel high-water mark, after GC = after a full aggressive collection). Rates and latency exclude the warm-up (3 s, and until fewer than 2,000 events waited for a confirm). " +
            "No consumer role runs, so the broker routes the published events to no queue: its cost per event is the publish and its confirm.");
        foreach (var r in results)
        {
            var warmup = r.WarmupSeconds is { } w ? F($"{w:0.0} s") : "30+ s (the outbox never caught up)";
            table.Note(F($"- {r.Title}: simulator `{Shown(r.SimulatorArguments)}`; warm-up {warmup}, window {r.WindowSeconds:0.0} s; domain events appended {r.AppendedPerSecond:N0}/s; load average at start {r.LoadAverage}."));
        }
        table.Note(string.Empty);
        table.Note("Targets:");
        table.Note(Verdict(a.AmiEventsPerSecond >= 50_000 && a.Appended == a.Confirmed,
            F($"ingest ≥ 50,000 AMI events/s with every domain event confirmed: {a.AmiEventsPerSecond:N0}/s, {a.Confirmed:N0} of {a.Appended:N0} confirmed")));
        table.Note(Verdict(b.P99Ms <= 10, F($"p99 ≤ 10 ms at ~5,000 AMI events/s: p99 {b.P99Ms:0.0} ms at {b.AmiEventsPerSecond:N0}/s")));
        table.Note(Verdict(c.PeakRssMB <= 200, F($"RSS ≤ 200 MB with 10,000 concurrent channels: peak {c.PeakRssMB:0} MB, {c.RssAfterGcMB:0} MB after GC, at {c.Channels:N0} channels")));
        Console.WriteLine();
        Console.WriteLine(table);
    }

    /// <summary>The simulator's options without the temporary queues file.</summary>
    private static string Shown(string arguments)
    {
        var at = arguments.IndexOf(" --queues ", StringComparison.Ordinal);
        return at < 0 ? arguments : arguments[..at] + " --queues <support queue, wrap-up 0>";
    }

    private static string Verdict(bool met, string text) => $"- {(met ? "met" : "MISSED")}: {text}";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
