using System.Diagnostics;
using ContactCenter.Connector.Outbox;

namespace ContactCenter.Connector.Tests.Outbox;

[TestFixture]
public sealed class LatencyHistogramTests
{
    /// <summary>A Stopwatch timestamp <paramref name="milliseconds"/> in the past.</summary>
    private static long Ago(double milliseconds) => Stopwatch.GetTimestamp() - (long)(milliseconds * Stopwatch.Frequency / 1000);

    private static LatencyHistogram Recorded()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 98; i++)
        {
            histogram.RecordSince(Ago(1));
        }
        histogram.RecordSince(Ago(5));
        histogram.RecordSince(Ago(50));
        return histogram;
    }

    [Test]
    public void Percentiles_are_within_the_bucket_precision_and_the_maximum_is_exact()
    {
        var histogram = Recorded();

        Assert.That(histogram.Count, Is.EqualTo(100));
        // Recording happens a few microseconds after the timestamp was taken; buckets add up to 4%.
        Assert.That(histogram.Percentile(50).TotalMilliseconds, Is.InRange(1.0, 1.1));
        Assert.That(histogram.Percentile(99).TotalMilliseconds, Is.InRange(5.0, 5.3));
        Assert.That(histogram.Max.TotalMilliseconds, Is.InRange(50.0, 52.0));
    }

    [Test]
    public void Reset_forgets_counts_percentiles_and_the_maximum()
    {
        var histogram = Recorded();

        histogram.Reset();
        histogram.RecordSince(Ago(2));

        Assert.That(histogram.Count, Is.EqualTo(1));
        Assert.That(histogram.Max.TotalMilliseconds, Is.InRange(2.0, 2.5));
        Assert.That(histogram.Percentile(99).TotalMilliseconds, Is.InRange(2.0, 2.2));
    }

    [Test]
    public void An_empty_histogram_reports_zero()
    {
        var histogram = new LatencyHistogram();

        histogram.RecordSince(0);

        Assert.That((histogram.Count, histogram.Percentile(99), histogram.Max), Is.EqualTo((0L, TimeSpan.Zero, TimeSpan.Zero)));
    }
}
