namespace ContactCenter.PbxSimulator;

/// <summary>How simulated time is spent in a load run.</summary>
public enum LoadPace
{
    /// <summary>Calls arrive at the configured rate in wall-clock time (needs a RealTime clock).</summary>
    RealTime,

    /// <summary>
    /// Simulated time runs as fast as the slowest AMI client reads (Manual or AutoAdvance clock): the run
    /// measures the highest event rate a client sustains.
    /// </summary>
    AsFastAsPossible,
}

/// <summary>A load run: customers calling a queue served by agent phones that answer after a ring.</summary>
public sealed class LoadOptions
{
    /// <summary>Agent phones (6001…) added to the queue; the simulator must have at least this many (<see cref="PbxSimulatorOptions.Agents"/>).</summary>
    public int Agents { get; set; } = 10;

    /// <summary>Arrival rate of customer calls.</summary>
    public double CallsPerSecond { get; set; } = 1;

    /// <summary>Average talk time (each call talks between half and one and a half times this).</summary>
    public TimeSpan TalkTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of callers who hang up before an agent answers (0-1).</summary>
    public double AbandonRatio { get; set; }

    /// <summary>How long calls keep arriving (simulated time).</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an agent phone rings before it answers.</summary>
    public TimeSpan RingTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The extension customers dial (the trunk context must route it to a queue).</summary>
    public string Extension { get; set; } = "7000";

    /// <summary>The queue the agents are added to.</summary>
    public string Queue { get; set; } = "support";

    public int Seed { get; set; } = 1;

    public LoadPace Pace { get; set; } = LoadPace.RealTime;

    /// <summary>AsFastAsPossible: simulated time stops while the slowest AMI client is this many frames behind.</summary>
    public int MaxClientBacklog { get; set; } = 50_000;

    /// <summary>Called about once a second (wall clock) with the figures so far, for a console to print.</summary>
    public Action<LoadReport>? Progress { get; set; }

    internal void Validate(PbxSimulatorOptions simulator)
    {
        static void Fail(string key, string why) => throw new ArgumentException($"LoadOptions:{key} {why}");
        if (Agents < 1 || Agents > simulator.Agents)
        {
            Fail(nameof(Agents), $"must be 1-{simulator.Agents} (the simulator has {simulator.Agents} agent phones), was {Agents}");
        }
        if (CallsPerSecond is <= 0 or > 100_000)
        {
            Fail(nameof(CallsPerSecond), $"must be positive, was {CallsPerSecond}");
        }
        if (AbandonRatio is < 0 or > 1)
        {
            Fail(nameof(AbandonRatio), $"must be between 0 and 1, was {AbandonRatio}");
        }
        if (Duration <= TimeSpan.Zero || TalkTime < TimeSpan.Zero || RingTime < TimeSpan.Zero)
        {
            Fail(nameof(Duration), "Duration must be positive; TalkTime and RingTime must not be negative");
        }
        if (Pace == LoadPace.RealTime && simulator.Clock != SimClockMode.RealTime)
        {
            Fail(nameof(Pace), "RealTime needs a simulator started with Clock = RealTime (use AsFastAsPossible for simulated clocks)");
        }
        if (Pace == LoadPace.AsFastAsPossible && simulator.Clock == SimClockMode.RealTime)
        {
            Fail(nameof(Pace), "AsFastAsPossible needs a Manual or AutoAdvance clock");
        }
    }
}

/// <summary>What a load run generated.</summary>
/// <param name="Calls">Customer calls started.</param>
/// <param name="Answered">Calls an agent answered.</param>
/// <param name="Abandoned">Calls abandoned in the queue.</param>
/// <param name="Events">AMI events emitted (each counted once, whatever the number of clients).</param>
/// <param name="Bytes">Bytes of those events.</param>
/// <param name="Elapsed">Wall-clock duration.</param>
/// <param name="SimulatedTime">Simulated duration.</param>
/// <param name="CpuTime">CPU time the simulator's process used meanwhile.</param>
public sealed record LoadReport(long Calls, long Answered, long Abandoned, long Events, long Bytes, TimeSpan Elapsed, TimeSpan SimulatedTime, TimeSpan CpuTime)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Events / Elapsed.TotalSeconds : 0;

    public double BytesPerSecond => Elapsed > TimeSpan.Zero ? Bytes / Elapsed.TotalSeconds : 0;

    /// <summary>CPU used per wall-clock second (1.0 = one core busy).</summary>
    public double CpuCores => Elapsed > TimeSpan.Zero ? CpuTime.TotalSeconds / Elapsed.TotalSeconds : 0;

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Calls} calls ({Answered} answered, {Abandoned} abandoned), {Events} AMI events, {Bytes / 1_048_576.0:0.0} MiB in {Elapsed.TotalSeconds:0.0} s: {EventsPerSecond:0} events/s, {BytesPerSecond / 1_048_576.0:0.0} MiB/s, CPU {CpuCores * 100:0}% of one core");
}
