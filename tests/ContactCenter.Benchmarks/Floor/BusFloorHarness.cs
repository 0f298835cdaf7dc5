using System.Collections.Concurrent;
using System.Diagnostics;
using ContactCenter.Benchmarks.Harness;
using MassTransit;
using static ContactCenter.Benchmarks.Harness.Figures;

namespace ContactCenter.Benchmarks.Floor;

/// <summary>
/// The floor under issue 5's benchmark: what the broker hops of a feature code cost with nothing else in the process.
/// N messages are published at once through MassTransit on a fresh RabbitMQ virtual host (publisher confirms on, as in
/// the product); each is consumed and, for the second hop, republished and consumed again, as
/// <c>FeatureCodeDialed</c> → agents consumer → queue command → connector does. No database, no simulator, no ARI:
/// the latency of the last message here is a lower bound for the product's p99 with the same N on this machine.
/// </summary>
internal static class BusFloorHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new HarnessArgs(args);
        var messages = options.Integer("--messages", 200);
        var rounds = options.Integer("--rounds", 10);
        var prefetch = options.Integer("--prefetch", 64);
        var loadAverage = MachineFacts.LoadAverage();
        var ct = CancellationToken.None;

        using var vhost = RabbitMqVirtualHost.Create();
        var arrivals = new ConcurrentDictionary<string, long>();
        var bus = FloorBus.Create(vhost.Name, prefetch, key =>
        {
            arrivals[key] = Stopwatch.GetTimestamp();
            return Task.CompletedTask;
        });
        await bus.StartAsync(ct);
        try
        {
            var table = new MarkdownTable("Run", "Delivered", "p50", "p99", "max", "Process CPU", "RabbitMQ CPU");
            foreach (var hops in new[] { 1, 2 })
            {
                // One message alone first: the latency with no queueing, and the JIT warmed for this path.
                for (var i = 0; i < 20; i++)
                {
                    await RunAsync(bus, arrivals, hops, 1, ct);
                }
                var alone = new List<TimeSpan>();
                for (var i = 0; i < 50; i++)
                {
                    alone.AddRange((await RunAsync(bus, arrivals, hops, 1, ct)).Latencies);
                }
                table.Add(F($"{hops} hop(s), one message at a time (50)"), "50/50", Ms(Percentile(alone, 50)), Ms(Percentile(alone, 99)), Ms(alone.Max()), string.Empty, string.Empty);
                var all = new List<TimeSpan>();
                for (var round = 1; round <= rounds; round++)
                {
                    var burst = await RunAsync(bus, arrivals, hops, messages, ct);
                    all.AddRange(burst.Latencies);
                    table.Add(F($"{hops} hop(s), {messages} at once #{round}"), F($"{burst.Latencies.Count}/{messages}"), Ms(Percentile(burst.Latencies, 50)),
                        Ms(Percentile(burst.Latencies, 99)), Ms(burst.Latencies.Max()), Pct(burst.ProcessCpu), Pct(burst.RabbitCpu));
                }
                table.Add(F($"{hops} hop(s), {messages} at once, all rounds"), F($"{all.Count}/{messages * rounds}"), Ms(Percentile(all, 50)), Ms(Percentile(all, 99)),
                    Ms(all.Max()), string.Empty, string.Empty);
            }
            table.NoteCommandAndMachine("bus-floor", args, loadAverage);
            table.Note(F($"Latency = from the start of a message's publish to its consumption after the last hop; MassTransit 8.4 on RabbitMQ with publisher ") +
                F($"confirms, prefetch {prefetch}, a fresh virtual host; nothing else runs in the process. CPU in percent of one core over the burst."));
            Console.WriteLine();
            Console.WriteLine(table);
            return 0;
        }
        finally
        {
            await bus.StopAsync(ct);
        }
    }

    private static async Task<(List<TimeSpan> Latencies, double ProcessCpu, double RabbitCpu)> RunAsync(IBusControl bus, ConcurrentDictionary<string, long> arrivals, int hops,
        int messages, CancellationToken ct)
    {
        arrivals.Clear();
        var cpu = CpuMeter.Current();
        var rabbit = CpuMeter.RabbitMq();
        var sent = new Dictionary<string, long>();
        var ids = Enumerable.Range(0, messages).Select(_ => Guid.NewGuid().ToString()).ToList();
        var publishes = new List<Task>(messages);
        foreach (var id in ids)
        {
            sent[id] = Stopwatch.GetTimestamp();
            publishes.Add(bus.Publish(new FloorFirstHop(id, hops), ct));
        }
        await Task.WhenAll(publishes);
        var deadline = Stopwatch.StartNew();
        while (arrivals.Count < messages)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"{arrivals.Count} of {messages} messages arrived within 30 s");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(5), ct);
        }
        var result = (ids.Select(id => Stopwatch.GetElapsedTime(sent[id], arrivals[id])).ToList(), cpu.Percent(), rabbit.Percent());
        await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        return result;
    }

}
