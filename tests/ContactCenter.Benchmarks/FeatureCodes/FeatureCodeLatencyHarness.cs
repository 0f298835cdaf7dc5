using System.Diagnostics;
using ContactCenter.Benchmarks.Harness;
using ContactCenter.PbxSimulator;
using static ContactCenter.Benchmarks.Harness.Figures;

namespace ContactCenter.Benchmarks.FeatureCodes;

/// <summary>
/// Issue 5's benchmark: N agents (200) dial a feature code at once, through the whole product (connector, RabbitMQ,
/// agents consumers, SQLite, back through the connector to ARI). For each phone, the time from the simulator
/// sending StasisStart to it receiving the ARI play request of the prompt, measured inside the simulator.
/// Bursts: logins <c>**1&lt;agent&gt;</c>, pauses <c>**21</c>, unpauses <c>**3</c> (repeated with <c>--rounds</c>).
/// </summary>
internal static class FeatureCodeLatencyHarness
{
    private static readonly TimeSpan BurstTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new HarnessArgs(args);
        var agents = options.Integer("--agents", 200);
        var rounds = options.Integer("--rounds", 1);
        var loadAverage = MachineFacts.LoadAverage();
        var ct = CancellationToken.None;

        Console.WriteLine($"starting the simulator ({agents} phones) and the worker (connector, agents)");
        await using var center = await FeatureCodeCenter.StartAsync(agents, ct);
        var timeline = options.Flag("--timeline") ? MessageTimeline.Observe(center.App) : null;
        // What the process burns with nothing to do (outbox polls, timers, keep-alives, and the start-up's tiered JIT
        // still compiling): the bursts' CPU is on top.
        var idle = CpuMeter.Current();
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var idleCpu = idle.Percent();
        Console.WriteLine(F($"CPU of the idle process after start: {idleCpu:0.0}% of one core"));
        var bursts = new List<BurstResult>
        {
            await RunBurstAsync(center, timeline, "login **1<agent> (cold)", i => "**1" + FeatureCodeCenter.Agent(i), ["sound:agent-loginok"], CheckLoginAsync, ct),
        };
        for (var round = 1; round <= rounds; round++)
        {
            var suffix = rounds > 1 ? $" #{round}" : string.Empty;
            bursts.Add(await RunBurstAsync(center, timeline, $"pause **2{FeatureCodeCenter.PauseCode}{suffix}", _ => "**2" + FeatureCodeCenter.PauseCode, ["sound:beep"], CheckPausedAsync, ct));
            bursts.Add(await RunBurstAsync(center, timeline, $"unpause **3{suffix}", _ => "**3", ["sound:beep", "sound:beep"], CheckUnpausedAsync, ct));
        }
        Print(args, agents, bursts, center.Logs, loadAverage, idleCpu);
        return 0;
    }

    private static async Task<BurstResult> RunBurstAsync(FeatureCodeCenter center, MessageTimeline? timeline, string name, Func<int, string> code, string[] prompt,
        Func<FeatureCodeCenter, CancellationToken, Task<string>> check, CancellationToken ct)
    {
        Console.WriteLine($"burst: {name}");
        var transactions = await SettleAsync(center, ct);
        var cpu = CpuMeter.Current();
        var rabbit = CpuMeter.RabbitMq();
        var wall = Stopwatch.StartNew();
        timeline?.Start();
        var calls = Enumerable.Range(0, center.Agents).Select(i => center.Sim.Phone(FeatureCodeCenter.Phone(i)).Dial(code(i))).ToList();
        while (calls.Count(c => !c.IsGone) is var live && live > 0)
        {
            if (wall.Elapsed > BurstTimeout)
            {
                throw new InvalidOperationException($"{name}: {live} of {calls.Count} phones still in their call after {BurstTimeout.TotalSeconds:0} s");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }
        var elapsed = wall.Elapsed;
        var (processCpu, rabbitCpu) = (cpu.Percent(), rabbit.Percent());

        var playbacks = center.Sim.PlaybackHistory.Where(p => p.FromAri).ToLookup(p => p.ChannelId);
        var latencies = new List<TimeSpan>();
        var wrong = new List<string>();
        foreach (var call in calls)
        {
            var heard = playbacks[call.ChannelId!].ToList();
            if (heard.Count > 0 && heard[0].SinceStasisStart is { } latency)
            {
                latencies.Add(latency);
            }
            if (!heard.Select(p => p.MediaUri).SequenceEqual(prompt))
            {
                wrong.Add($"{call.ChannelName} heard [{string.Join(", ", heard.Select(p => p.MediaUri))}]");
            }
        }
        transactions = await SettleAsync(center, ct) - transactions;
        var state = await check(center, ct) + F($"; {transactions} agents consumer transactions ({transactions / (double)calls.Count:0.0} per operation)");
        var stages = await StageBreakdown.DescribeAsync(center, calls, playbacks, ct);
        var result = new BurstResult(name, calls.Count, calls.Count - wrong.Count, latencies, elapsed, processCpu, rabbitCpu, state, stages, wrong);
        Console.WriteLine($"  {result.Ok}/{result.Dialled} heard {string.Join(", ", prompt)}; p50 {Ms(result.Percentile(50))}, p99 {Ms(result.Percentile(99))}, " +
            $"max {Ms(result.Max)}; {state}");
        Console.WriteLine($"  stages: {stages}");
        if (timeline is not null)
        {
            Console.Write(timeline.Describe());
        }
        foreach (var w in wrong.Take(5))
        {
            Console.WriteLine("  wrong prompt: " + w);
        }
        return result;
    }

    /// <summary>
    /// Waits until the agents consumers are idle (no message processed for half a second: the hang-ups of the last burst
    /// are through), so that a burst does not share the pipe with the previous one's tail; returns the messages processed.
    /// </summary>
    private static async Task<long> SettleAsync(FeatureCodeCenter center, CancellationToken ct)
    {
        var processed = -1L;
        var quiet = Stopwatch.StartNew();
        var deadline = Stopwatch.StartNew();
        while (quiet.Elapsed < TimeSpan.FromMilliseconds(500) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var now = await center.CountAsync("SELECT COUNT(*) FROM processed_message", ct);
            if (now != processed)
            {
                processed = now;
                quiet.Restart();
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
        return processed;
    }

    private static async Task<string> CheckLoginAsync(FeatureCodeCenter center, CancellationToken ct)
    {
        var members = center.Sim.QueueMembers(FeatureCodeCenter.Queue);
        var sessions = await center.CountAsync("SELECT COUNT(*) FROM agent_session WHERE server = @Server AND logout_at IS NULL", ct);
        var memberships = await center.CountAsync("SELECT COUNT(*) FROM agent_membership WHERE server = @Server AND queue = @Queue AND paused = 0", ct);
        return $"logged in: {members.Count(m => !m.Paused)} queue members in the simulator, {memberships} memberships and {sessions} open sessions in SQLite";
    }

    private static async Task<string> CheckPausedAsync(FeatureCodeCenter center, CancellationToken ct)
    {
        var members = center.Sim.QueueMembers(FeatureCodeCenter.Queue);
        var paused = await center.CountAsync($"SELECT COUNT(*) FROM agent_membership WHERE server = @Server AND queue = @Queue AND paused = 1 AND pause_code = '{FeatureCodeCenter.PauseCode}'", ct);
        return $"paused: {members.Count(m => m.Paused && m.PausedReason == FeatureCodeCenter.PauseCode)} members in the simulator, {paused} memberships in SQLite";
    }

    private static async Task<string> CheckUnpausedAsync(FeatureCodeCenter center, CancellationToken ct)
    {
        var members = center.Sim.QueueMembers(FeatureCodeCenter.Queue);
        var available = await center.CountAsync("SELECT COUNT(*) FROM agent_membership WHERE server = @Server AND queue = @Queue AND paused = 0", ct);
        return $"unpaused: {members.Count(m => !m.Paused)} members in the simulator, {available} memberships in SQLite";
    }

    private static void Print(string[] args, int agents, IReadOnlyList<BurstResult> bursts, WarningLog logs, string loadAverage, double idleCpu)
    {
        var table = new MarkdownTable("Burst", "Prompt right", "p50", "p99", "max", "Burst (dial → last hang-up)", "Process CPU", "RabbitMQ CPU");
        foreach (var b in bursts)
        {
            table.Add(b.Name, F($"{b.Ok}/{b.Dialled}"), Ms(b.Percentile(50)), Ms(b.Percentile(99)), Ms(b.Max), F($"{b.Elapsed.TotalSeconds:0.00} s"), Pct(b.ProcessCpu), Pct(b.RabbitCpu));
        }
        var all = Merge("all bursts", bursts);
        var warm = Merge("warm bursts (all but the first)", bursts.Skip(1).ToList());
        foreach (var b in new[] { all, warm })
        {
            table.Add(b.Name, F($"{b.Ok}/{b.Dialled}"), Ms(b.Percentile(50)), Ms(b.Percentile(99)), Ms(b.Max), string.Empty, string.Empty, string.Empty);
        }
        table.NoteCommandAndMachine("featurecode-latency", args, loadAverage);
        table.Note(F($"{agents} phones dial at once; latency = from the simulator sending StasisStart to it receiving the ARI play request of the prompt for that channel ") +
            "(wall clock, inside the simulator). Path: connector (ARI answer, outbox) → RabbitMQ → agents consumer (SQLite) → outbox → command queue → " +
            "connector (AMI QueueAdd/QueuePause) → Asterisk's confirmation → RabbitMQ → agents consumer (SQLite) → outbox → connector → ARI play. " +
            "One process holds the worker (`Roles=connector,agents`) and the simulator (RealTime clock); RabbitMQ is a fresh virtual host; the 2 cores are shared with RabbitMQ.");
        foreach (var b in bursts)
        {
            table.Note($"- {b.Name}: {b.State}; stages {b.Stages}");
        }
        table.Note(F($"- process CPU idle after start (tiered JIT still compiling): {idleCpu:0.0}% of one core; product warnings/errors during the run: {logs.Count}"));
        table.Note(string.Empty);
        table.Note(F($"Target: p99 ≤ 100 ms: {(all.Percentile(99) <= TimeSpan.FromMilliseconds(100) ? "met" : "MISSED")} (all bursts p99 {Ms(all.Percentile(99))}, warm p99 {Ms(warm.Percentile(99))})."));
        Console.WriteLine();
        Console.WriteLine(table);
    }

    private static BurstResult Merge(string name, IReadOnlyList<BurstResult> bursts) => new(name, bursts.Sum(b => b.Dialled), bursts.Sum(b => b.Ok),
        bursts.SelectMany(b => b.Latencies).ToList(), bursts.Aggregate(TimeSpan.Zero, (t, b) => t + b.Elapsed), double.NaN, double.NaN, string.Empty, string.Empty, []);

    private sealed record BurstResult(string Name, int Dialled, int Ok, List<TimeSpan> Latencies, TimeSpan Elapsed, double ProcessCpu, double RabbitCpu, string State,
        string Stages, List<string> Wrong)
    {
        public TimeSpan Max => Latencies.Count == 0 ? TimeSpan.Zero : Latencies.Max();

        public TimeSpan Percentile(double p) => Figures.Percentile(Latencies, p);
    }
}
