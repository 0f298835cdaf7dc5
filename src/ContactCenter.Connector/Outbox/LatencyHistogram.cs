using System.Diagnostics;

namespace ContactCenter.Connector.Outbox;

/// <summary>
/// Latency from an AMI frame arriving to the broker confirming the event it caused, in microsecond
/// buckets that grow by ~4% (so percentiles are within 4%). Lock-free counters, cheap enough to record
/// every event; read by the health endpoint and the benchmark.
/// </summary>
public sealed class LatencyHistogram
{
    private const int Buckets = 512;
    private const double Growth = 1.04;
    private readonly long[] _counts = new long[Buckets];
    private long _total;
    private long _maxTicks;

    public long Count => Interlocked.Read(ref _total);

    /// <summary>The largest latency recorded (exact, not bucketed), or zero when nothing was recorded.</summary>
    public TimeSpan Max => TimeSpan.FromTicks(Interlocked.Read(ref _maxTicks));

    /// <summary>Records the time elapsed since a <see cref="Stopwatch.GetTimestamp"/> value.</summary>
    public void RecordSince(long stopwatchTimestamp)
    {
        if (stopwatchTimestamp <= 0)
        {
            return;
        }
        var elapsed = Stopwatch.GetElapsedTime(stopwatchTimestamp);
        var micros = elapsed.TotalMicroseconds;
        var bucket = micros <= 1 ? 0 : Math.Min(Buckets - 1, (int)(Math.Log(micros) / Math.Log(Growth)));
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _total);
        var max = Interlocked.Read(ref _maxTicks);
        while (elapsed.Ticks > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxTicks, elapsed.Ticks, max);
            if (seen == max)
            {
                break;
            }
            max = seen;
        }
    }

    /// <summary>The latency at percentile <paramref name="p"/> (0–100), or zero when nothing was recorded.</summary>
    public TimeSpan Percentile(double p)
    {
        var total = Count;
        if (total == 0)
        {
            return TimeSpan.Zero;
        }
        var rank = (long)Math.Ceiling(total * p / 100.0);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return TimeSpan.FromMicroseconds(Math.Pow(Growth, i + 1));
            }
        }
        return TimeSpan.FromMicroseconds(Math.Pow(Growth, Buckets));
    }

    public void Reset()
    {
        for (var i = 0; i < Buckets; i++)
        {
            Interlocked.Exchange(ref _counts[i], 0);
        }
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _maxTicks, 0);
    }
}
