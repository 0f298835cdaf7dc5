using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MassTransit;

namespace ContactCenter.Benchmarks.FeatureCodes;

/// <summary>
/// <c>--timeline</c>: every message the worker consumed during a burst, by type: when it was sent and when its
/// consumer started and finished, relative to the burst's start (all in this process, one clock), and for each
/// <c>FeatureCodeDialed</c> the connector's time from StasisStart to publishing it. Shows where messages wait.
/// </summary>
internal sealed class MessageTimeline : IConsumeObserver
{
    public static MessageTimeline Observe(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var timeline = new MessageTimeline();
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IBus>(app.Services).ConnectConsumeObserver(timeline);
        return timeline;
    }

    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly ConcurrentDictionary<Guid, DateTime> _started = new();
    private DateTime _burstStart;

    public void Start()
    {
        _entries.Clear();
        _started.Clear();
        _burstStart = DateTime.UtcNow;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        _started[context.MessageId ?? Guid.Empty] = DateTime.UtcNow;
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        var now = DateTime.UtcNow;
        if (_started.TryRemove(context.MessageId ?? Guid.Empty, out var start))
        {
            _entries.Enqueue(new Entry(typeof(T).Name, context.SentTime ?? start, start, now));
            if (context.Message is ContactCenter.Contracts.Agents.FeatureCodeDialed dialed)
            {
                _entries.Enqueue(new Entry("(StasisStart → dial sent)", dialed.OccurredAt.UtcDateTime, context.SentTime ?? start, context.SentTime ?? start));
            }
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var group in _entries.GroupBy(e => e.Type).OrderBy(g => g.Min(e => e.Started)))
        {
            var sent = group.Select(e => (e.Sent - _burstStart).TotalMilliseconds).ToList();
            var started = group.Select(e => (e.Started - _burstStart).TotalMilliseconds).ToList();
            var wait = group.Select(e => (e.Started - e.Sent).TotalMilliseconds).ToList();
            var took = group.Select(e => (e.Finished - e.Started).TotalMilliseconds).ToList();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"    {group.Key,-28} n={group.Count(),4} sent {P(sent, 0)}..{P(sent, 50)}..{P(sent, 100)}  start {P(started, 0)}..{P(started, 50)}..{P(started, 100)}  wait p50 {P(wait, 50)} p99 {P(wait, 99)}  took p50 {P(took, 50)} p99 {P(took, 99)}"));
        }
        return text.ToString();
    }

    private static string P(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * p / 100) - 1, 0, sorted.Count - 1)].ToString("0", CultureInfo.InvariantCulture);
    }

    private sealed record Entry(string Type, DateTime Sent, DateTime Started, DateTime Finished);
}
