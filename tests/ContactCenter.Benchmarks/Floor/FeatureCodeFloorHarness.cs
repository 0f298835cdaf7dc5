using System.Collections.Concurrent;
using System.Diagnostics;
using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ari;
using ContactCenter.Benchmarks.FeatureCodes;
using ContactCenter.Benchmarks.Harness;
using ContactCenter.PbxSimulator;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using static ContactCenter.Benchmarks.Harness.Figures;
using Pbx = ContactCenter.PbxSimulator.PbxSimulator;

namespace ContactCenter.Benchmarks.Floor;

/// <summary>
/// The floor under issue 5's benchmark: N phones of the in-process simulator dial a feature code at once and a bare ARI
/// application (the product's <see cref="AriEventStream"/> and <see cref="AriClient"/>) answers each channel on
/// StasisStart, plays a beep and hangs up when it ends, while the product's <see cref="AmiClient"/> reads every AMI
/// event of the simulator, as the connector does. With <c>--bus</c> the play waits for two broker hops
/// (<see cref="FloorBus"/>), as a feature code's prompt waits for <c>FeatureCodeDialed</c> and the queue command: the
/// product's path without its databases, outboxes, AMI action and confirmations. Latency is measured as in
/// <see cref="FeatureCodeLatencyHarness"/>: StasisStart sent → play request received, inside the simulator.
/// </summary>
internal static class FeatureCodeFloorHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new HarnessArgs(args);
        var phones = options.Integer("--agents", 200);
        var rounds = options.Integer("--rounds", 10);
        var throughBus = options.Flag("--bus");
        var prefetch = options.Integer("--prefetch", 64);
        var loadAverage = MachineFacts.LoadAverage();
        using var stop = new CancellationTokenSource();
        var ct = stop.Token;

        await using var sim = await Pbx.StartAsync(new PbxSimulatorOptions { Clock = SimClockMode.RealTime, Agents = phones }, cancellationToken: ct);
        var ari = new AriClientOptions { BaseUrl = sim.AriBaseUrl, Username = "admin", Password = "admin", Application = "contactcenter" };
        using var client = new AriClient(ari);
        await using var events = new AriEventStream(ari);
        var stream = events.RunAsync(ct);
        await using var ami = new AmiClient(new AmiClientOptions { Port = sim.AmiPort, Username = "admin", Secret = "admin" }, NullLogger<AmiClient>.Instance);
        ami.Start();
        await ami.WaitUntilConnectedAsync(ct);
        var amiEvents = Task.Run(async () =>
        {
            await foreach (var _ in ami.Events.ReadAllAsync(ct))
            {
            }
        }, ct);
        using var vhost = throughBus ? RabbitMqVirtualHost.Create() : null;
        var bus = vhost is null ? null : FloorBus.Create(vhost.Name, prefetch, channel => client.PlayAsync(channel, "sound:beep", cancellationToken: ct));
        if (bus is not null)
        {
            await bus.StartAsync(ct);
        }
        var failures = new ConcurrentQueue<Exception>();
        var app = Task.Run(() => RunApplicationAsync(events, client, bus, failures, ct), ct);
        while (sim.StasisApplications.Count == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }

        var table = new MarkdownTable("Burst", "Prompt played", "p50", "p99", "max", "Process CPU");
        var warm = new List<TimeSpan>();
        var all = new List<TimeSpan>();
        for (var round = 0; round <= rounds; round++)
        {
            var cpu = CpuMeter.Current();
            var calls = Enumerable.Range(0, phones).Select(i => sim.Phone(FeatureCodeCenter.Phone(i)).Dial("**3")).ToList();
            var wall = Stopwatch.StartNew();
            while (calls.Any(c => !c.IsGone))
            {
                if (wall.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException("phones still in their call after 30 s");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
            }
            var processCpu = cpu.Percent();
            var ids = calls.Select(c => c.ChannelId).ToHashSet();
            var latencies = sim.PlaybackHistory.Where(p => p.FromAri && ids.Contains(p.ChannelId) && p.SinceStasisStart is not null)
                .Select(p => p.SinceStasisStart!.Value).ToList();
            all.AddRange(latencies);
            if (round > 0)
            {
                warm.AddRange(latencies);
            }
            table.Add(round == 0 ? "first (cold)" : F($"#{round}"), F($"{latencies.Count}/{phones}"), Ms(Percentile(latencies, 50)), Ms(Percentile(latencies, 99)),
                Ms(latencies.Max()), F($"{processCpu:0}%"));
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        }
        table.Add("all bursts", F($"{all.Count}/{phones * (rounds + 1)}"), Ms(Percentile(all, 50)), Ms(Percentile(all, 99)), Ms(all.Max()), string.Empty);
        table.Add("warm bursts (all but the first)", F($"{warm.Count}/{phones * rounds}"), Ms(Percentile(warm, 50)), Ms(Percentile(warm, 99)), Ms(warm.Max()), string.Empty);
        table.NoteCommandAndMachine("featurecode-floor", args, loadAverage);
        table.Note(F($"{phones} phones of the in-process simulator dial **3 at once; a bare ARI application answers, plays sound:beep, hangs up at PlaybackFinished. ") +
            "Latency = StasisStart sent → play request received (inside the simulator). An AMI client reads every event; no database. " +
            (throughBus ? F($"The play waits for two hops through MassTransit + RabbitMQ (publisher confirms, prefetch {prefetch}) after StasisStart.") : "No bus."));
        Console.WriteLine();
        Console.WriteLine(table);
        foreach (var failure in failures.Take(5))
        {
            Console.WriteLine("  failed: " + failure.Message);
        }
        await stop.CancelAsync();
        await Task.WhenAll(stream, app, amiEvents).ContinueWith(_ => { }, TaskScheduler.Default);
        if (bus is not null)
        {
            await bus.StopAsync(CancellationToken.None);
        }
        return failures.IsEmpty ? 0 : 1;
    }

    /// <summary>The application: every request runs on its own; a failure is kept (the prompt count shows it too).</summary>
    private static async Task RunApplicationAsync(AriEventStream events, AriClient client, IBus? bus, ConcurrentQueue<Exception> failures, CancellationToken ct)
    {
        void Run(Func<Task> request) => _ = Task.Run(request, ct).ContinueWith(t => failures.Enqueue(t.Exception!.GetBaseException()), CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

        await foreach (var item in events.Items.ReadAllAsync(ct))
        {
            switch (item.Event)
            {
                case StasisStart start:
                    Run(() => bus is null ? AnswerAndPlayAsync(client, start.Channel.Id, ct) : AnswerAndPublishAsync(client, bus, start.Channel.Id, ct));
                    break;
                case PlaybackFinished finished when finished.Playback.TargetUri.StartsWith("channel:", StringComparison.Ordinal):
                    Run(() => client.HangupAsync(finished.Playback.TargetUri["channel:".Length..], cancellationToken: ct));
                    break;
            }
        }
    }

    private static async Task AnswerAndPlayAsync(AriClient client, string channel, CancellationToken ct)
    {
        await client.AnswerAsync(channel, ct);
        await client.PlayAsync(channel, "sound:beep", cancellationToken: ct);
    }

    /// <summary>As the connector does: the answer goes while the dial is published; the prompt waits for both, and for the second hop.</summary>
    private static async Task AnswerAndPublishAsync(AriClient client, IBus bus, string channel, CancellationToken ct) =>
        await Task.WhenAll(client.AnswerAsync(channel, ct), bus.Publish(new FloorFirstHop(channel, 2), ct));

}
