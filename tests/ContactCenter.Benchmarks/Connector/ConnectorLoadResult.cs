using System.Globalization;

namespace ContactCenter.Benchmarks.Connector;

/// <summary>One row of the connector-load table, passed from a run's child process to the harness as JSON.</summary>
/// <param name="Run">a (max ingest), b (fixed rate, latency), c (concurrent channels).</param>
/// <param name="WindowSeconds">The measured steady window (warm-up and teardown left out).</param>
/// <param name="AmiEventsPerSecond">AMI events the connector handled per second in the window.</param>
/// <param name="ConfirmedPerSecond">Domain events the broker confirmed per second in the window.</param>
/// <param name="AppendedPerSecond">Domain events appended to the outbox per second in the window.</param>
/// <param name="Appended">Domain events appended over the whole run, read after the outbox drained.</param>
/// <param name="Confirmed">Domain events confirmed over the whole run, read after the outbox drained.</param>
/// <param name="Channels">Live channels in the simulator: the peak (a, b) or when measured (c).</param>
/// <param name="ConnectorCpu">The harness process (the connector) in the window, % of one core.</param>
/// <param name="PeakRssMB">Highest resident set of the process (VmHWM) up to the measurement.</param>
/// <param name="RssAfterGcMB">Resident set after a full, aggressive (decommitting) collection.</param>
/// <param name="WarmupSeconds">From the first event to the window: 3 s and until the outbox caught up; null when it never did.</param>
internal sealed record ConnectorLoadResult(
    string Run,
    string Title,
    string SimulatorArguments,
    double WindowSeconds,
    double AmiEventsPerSecond,
    double SimulatorEventsPerSecond,
    double AppendedPerSecond,
    double ConfirmedPerSecond,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    long Appended,
    long Confirmed,
    long Channels,
    double ConnectorCpu,
    double PeakRssMB,
    double RssAfterGcMB,
    double SimulatorCpu,
    double RabbitMqCpu,
    int Warnings,
    string LoadAverage,
    double? WarmupSeconds)
{
    public static readonly string[] Headers =
    [
        "Run", "AMI events/s ingested", "Domain events/s confirmed", "Frame→confirm p50 / p99 / max", "Appended = confirmed",
        "Channels", "Connector CPU", "Connector RSS peak / after GC", "Simulator CPU", "RabbitMQ CPU", "Warnings",
    ];

    public string[] Cells() =>
    [
        Title,
        F($"{AmiEventsPerSecond:N0} (simulator {SimulatorEventsPerSecond:N0})"),
        F($"{ConfirmedPerSecond:N0}"),
        F($"{P50Ms:0.0} / {P99Ms:0.0} / {MaxMs:0.0} ms"),
        F($"{(Appended == Confirmed ? "yes" : "NO")}: {Appended:N0} / {Confirmed:N0}"),
        F($"{Channels:N0}"),
        Percent(ConnectorCpu),
        F($"{PeakRssMB:0} / {RssAfterGcMB:0} MB"),
        Percent(SimulatorCpu),
        Percent(RabbitMqCpu),
        F($"{Warnings}"),
    ];

    private static string Percent(double value) => double.IsNaN(value) ? "n/a" : F($"{value:0}%");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
