using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Messaging.Outbox;

/// <summary>
/// Drains an outbox (<see cref="IOutboxStore"/>) to the bus. Events of one lane (one call, one queue member, one server) are published
/// one after the other, each awaited until the broker confirmed it, so they arrive in the order Asterisk
/// produced them; different lanes go in parallel. A row is deleted only after its confirm. When the broker
/// is unreachable the failed lane stops at the first unconfirmed event and everything is retried with
/// backoff; nothing is dropped.
/// </summary>
public sealed partial class OutboxPublisher : BackgroundService
{
    private const int BatchSize = 2000;
    private const int LaneBuckets = 64;
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    private readonly IOutboxStore _outbox;
    private readonly IBus _bus;
    private readonly ILogger<OutboxPublisher> _logger;
    private readonly Action<OutboxRow>? _published;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly string _name;

    /// <param name="name">Which outbox, for the log (<c>connector</c>, <c>database</c>).</param>
    /// <param name="published">Called for each confirmed event (metrics).</param>
    public OutboxPublisher(string name, IOutboxStore outbox, IBus bus, IHostApplicationLifetime lifetime, ILogger<OutboxPublisher> logger,
        Action<OutboxRow>? published = null)
    {
        _name = name;
        _outbox = outbox;
        _bus = bus;
        _published = published;
        _lifetime = lifetime;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // RabbitMQ silently drops a publish that no queue is bound for yet. The host reports started only
        // after every hosted service started, MassTransit's included (it waits for its endpoints to be bound:
        // WaitUntilStarted), so nothing leaves the outbox before the whole topology exists.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        Log.PublishingStarted(_logger, _name, _outbox.Depth);

        var backoff = TimeSpan.Zero;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var rows = await _outbox.ReadAsync(BatchSize, stoppingToken);
                if (rows.Count == 0)
                {
                    await _outbox.WaitForWorkAsync(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }
                var (published, error) = await PublishAsync(rows, stoppingToken);
                await _outbox.DeleteAsync(published, stoppingToken);
                if (error is null)
                {
                    if (failing)
                    {
                        Log.PublishingResumed(_logger, _name, _outbox.Depth);
                        failing = false;
                    }
                    backoff = TimeSpan.Zero;
                    continue;
                }
                if (!failing)
                {
                    Log.PublishingFailed(_logger, _name, error.Message, _outbox.Depth, error);
                    failing = true;
                }
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                await Task.Delay(backoff, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>Publishes a batch lane by lane; returns the confirmed rows and the first error, if any.</summary>
    private async Task<(List<long> Published, Exception? Error)> PublishAsync(IReadOnlyList<OutboxRow> rows, CancellationToken ct)
    {
        var lanes = new List<OutboxRow>?[LaneBuckets];
        foreach (var row in rows)
        {
            (lanes[Bucket(row.Lane)] ??= []).Add(row);
        }
        var results = await Task.WhenAll(lanes.OfType<List<OutboxRow>>().Select(lane => PublishLaneAsync(lane, ct)));
        var published = new List<long>(rows.Count);
        Exception? error = null;
        foreach (var (done, laneError) in results)
        {
            published.AddRange(done);
            error ??= laneError;
        }
        return (published, error);
    }

    private async Task<(List<long> Published, Exception? Error)> PublishLaneAsync(List<OutboxRow> lane, CancellationToken ct)
    {
        var published = new List<long>(lane.Count);
        foreach (var row in lane)
        {
            object message;
            try
            {
                message = OutboxSerializer.DeserializeMessage(row);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException)
            {
                // A row this version cannot read would block its lane forever: say so loudly and keep it.
                Log.UnreadableRow(_logger, _name, row.Seq, row.Type, ex);
                return (published, ex);
            }
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(PublishTimeout);
                if (row.Destination is { } queue)
                {
                    var endpoint = await _bus.GetSendEndpoint(new Uri($"queue:{queue}"));
                    await endpoint.Send(message, message.GetType(), timeout.Token);
                }
                else
                {
                    await _bus.Publish(message, message.GetType(), timeout.Token);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Broker down or not confirming: keep this row and the rest of its lane for the next attempt.
                return (published, ex);
            }
            _published?.Invoke(row);
            published.Add(row.Seq);
        }
        return (published, null);
    }

    private static int Bucket(string lane)
    {
        // FNV-1a: stable across processes (string.GetHashCode is randomized per process).
        var hash = 2166136261u;
        foreach (var c in lane)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % LaneBuckets);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "Publishing the {Outbox} outbox to the bus failed ({Reason}); {Depth} events wait and will be retried")]
        public static partial void PublishingFailed(ILogger logger, string outbox, string reason, long depth, Exception exception);

        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Publishing the {Outbox} outbox resumed; {Depth} events left")]
        public static partial void PublishingResumed(ILogger logger, string outbox, long depth);

        [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Bus started; publishing the {Outbox} outbox ({Depth} events waiting)")]
        public static partial void PublishingStarted(ILogger logger, string outbox, long depth);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Critical, Message = "{Outbox} outbox row {Seq} of type {Type} cannot be read by this version; its lane is blocked until it is handled")]
        public static partial void UnreadableRow(ILogger logger, string outbox, long seq, string type, Exception exception);
    }
}
