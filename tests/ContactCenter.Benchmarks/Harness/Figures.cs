using System.Globalization;

namespace ContactCenter.Benchmarks.Harness;

/// <summary>How the latency harnesses compute and print their figures: one percentile rule, one number format.</summary>
internal static class Figures
{
    /// <summary>Nearest rank: the smallest latency with at least <paramref name="p"/>% of the values at or below it; zero when there are none.</summary>
    public static TimeSpan Percentile(IEnumerable<TimeSpan> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * p / 100) - 1, 0, sorted.Count - 1)];
    }

    public static string Ms(TimeSpan t) => F($"{t.TotalMilliseconds:0.0} ms");

    /// <summary>A CPU percentage; "n/a" when it could not be read (NaN).</summary>
    public static string Pct(double value) => double.IsNaN(value) ? "n/a" : F($"{value:0}%");

    /// <summary>Formats with the invariant culture.</summary>
    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
