using System.Globalization;
using ContactCenter.Data;
using ContactCenter.PbxSimulator;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Benchmarks.FeatureCodes;

/// <summary>
/// Where a burst's time went, per operation, from the times the product itself records: StasisStart → the
/// agents consumer planned the operation (<c>agent_operation.created_at</c>) → the play request reached the
/// simulator (the connector plays on Asterisk's responses to the queue commands); and, off the phone's path,
/// planned → Asterisk's confirmation consumed by the agents module (<c>completed_at</c>). The simulator's clock runs on the
/// wall clock, so its times and the database's compare to the millisecond.
/// </summary>
internal static class StageBreakdown
{
    private const string SelectOperations = """
        SELECT channel_id AS ChannelId, status AS Status, created_at AS CreatedAt, completed_at AS CompletedAt
        FROM agent_operation WHERE channel_id IS NOT NULL
        """;

    public static async Task<string> DescribeAsync(FeatureCodeCenter center, IEnumerable<SimCall> calls, ILookup<string, PlaybackInfo> playbacks, CancellationToken ct)
    {
        var operations = (await center.App.Services.GetRequiredService<Database>().WithConnectionAsync(
            (c, token) => c.QueryAsync<OperationRow>(new CommandDefinition(SelectOperations, cancellationToken: token)), ct)).ToDictionary(o => o.ChannelId);
        var planned = new List<TimeSpan>();
        var confirmed = new List<TimeSpan>();
        var played = new List<TimeSpan>();
        var failed = new List<string>();
        foreach (var call in calls)
        {
            if (playbacks[call.ChannelId!].FirstOrDefault() is not { SinceStasisStart: { } sinceStart } play
                || !operations.TryGetValue(call.ChannelId!, out var op))
            {
                continue;
            }
            var stasisStart = play.Started - sinceStart;
            var created = Utc(op.CreatedAt);
            if (op.Status != "succeeded" || op.CompletedAt is null)
            {
                var completedAfter = op.CompletedAt is null ? string.Empty : F($", completed after {(Utc(op.CompletedAt) - stasisStart).TotalMilliseconds:0} ms");
                failed.Add(F($"{call.ChannelName} {op.Status} planned after {(created - stasisStart).TotalMilliseconds:0} ms{completedAfter}"));
                continue;
            }
            var completed = Utc(op.CompletedAt);
            planned.Add(created - stasisStart);
            confirmed.Add(completed - created);
            played.Add(play.Started - created);
        }
        var stages = planned.Count == 0
            ? "no succeeded operation to break down"
            : $"StasisStart → planned {Stage(planned)}; planned → play {Stage(played)}; off the phone's path, planned → confirmed {Stage(confirmed)} (p50/p99 of {planned.Count})";
        return failed.Count == 0 ? stages : $"{stages}; not succeeded: {string.Join("; ", failed.Take(5))}{(failed.Count > 5 ? $" … ({failed.Count})" : string.Empty)}";
    }

    private static string Stage(List<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        TimeSpan At(double p) => sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * p / 100) - 1, 0, sorted.Count - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{At(50).TotalMilliseconds:0}/{At(99).TotalMilliseconds:0} ms");
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string text) =>
        new(DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc));

    private sealed class OperationRow
    {
        public string ChannelId { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public string CreatedAt { get; set; } = string.Empty;

        public string? CompletedAt { get; set; }
    }
}
