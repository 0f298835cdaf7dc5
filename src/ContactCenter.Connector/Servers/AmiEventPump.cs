using System.Threading.Channels;
using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Connector.Outbox;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Asterisk;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Connector.Servers;

/// <summary>
/// The one consumer of a server's AMI event stream: decodes events, feeds the trackers, and appends the
/// domain events they produce to the outbox in batches (one transaction per burst, in stream order).
/// On a (re)connect or lost events it resynchronises from a snapshot. It never blocks the socket: the
/// AMI client buffers between the two.
/// </summary>
internal sealed partial class AmiEventPump
{
    private const int MaxBatch = 4096;

    private readonly AsteriskServer _server;
    private readonly EventOutbox _outbox;
    private readonly ConnectorMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AmiEventDecoder _decoder = new(["MIXMONITOR_FILENAME", "QUEUESTATUS"], ["CC_"]);
    private readonly List<IContactCenterEvent> _produced = [];
    private readonly List<(IContactCenterEvent Event, long ReceivedTimestamp)> _batch = [];
    private DateTimeOffset? _asteriskStartedAt;
    private bool _restartSeen;

    public AmiEventPump(AsteriskServer server, EventOutbox outbox, ConnectorMetrics metrics, TimeProvider time, ILogger logger)
    {
        _server = server;
        _outbox = outbox;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var reader = _server.Ami.Events;
        while (await reader.WaitToReadAsync(ct))
        {
            var handled = 0;
            while (handled < MaxBatch && reader.TryRead(out var item))
            {
                handled++;
                if (item.Kind == AmiStreamItemKind.Event)
                {
                    Handle(item.Frame!);
                    continue;
                }
                await OnNoticeAsync(item, reader, ct);
            }
            _metrics.AmiEventsHandled(handled);
            await FlushAsync(ct);
        }
    }

    private void Handle(AmiFrame frame)
    {
        if (_decoder.Decode(frame) is not { } e)
        {
            return;
        }
        switch (e)
        {
            case QueueMemberEvent member:
                _server.Members.Apply(member, _produced, member.Kind == QueueMemberEventKind.Status && _server.Calls.StatusFromFeatureCodes(member.Member.Device, member.Member.Status));
                break;
            case OriginateResponseEvent originate:
                _server.Originates.OnResponse(originate);
                break;
            case UserEventEvent { Name: "AgentFeatureCode" } userEvent:
                OnFeatureCodeUserEvent(userEvent);
                break;
            case FullyBootedEvent booted:
                OnFullyBooted(booted);
                break;
            case ShutdownEvent shutdown:
                _restartSeen |= shutdown.Restart;
                Log.AsteriskShuttingDown(_logger, _server.Name, shutdown.Kind, shutdown.Restart);
                break;
            default:
                _server.Calls.Apply(e, _produced);
                break;
        }
        foreach (var produced in _produced)
        {
            _batch.Add((produced, frame.ReceivedTimestamp));
        }
        _produced.Clear();
    }

    private async Task OnNoticeAsync(AmiStreamItem notice, ChannelReader<AmiStreamItem> reader, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        switch (notice.Kind)
        {
            case AmiStreamItemKind.Connected:
                _batch.Add((new AsteriskConnected(Guid.NewGuid(), _server.Name, now, "ami", notice.Detail ?? string.Empty), 0));
                await FlushAsync(ct);
                await ResynchronizeAsync("connected", reader, ct);
                break;
            case AmiStreamItemKind.Disconnected:
                _batch.Add((new AsteriskDisconnected(Guid.NewGuid(), _server.Name, now, "ami", notice.Detail ?? string.Empty), 0));
                await FlushAsync(ct);
                break;
            case AmiStreamItemKind.EventsLost:
                Log.EventsLost(_logger, _server.Name, notice.LostEvents, notice.Detail ?? string.Empty);
                await FlushAsync(ct);
                await ResynchronizeAsync("events-lost", reader, ct);
                break;
        }
    }

    private void OnFullyBooted(FullyBootedEvent booted)
    {
        var startedAt = (booted.Timestamp ?? _time.GetUtcNow()) - TimeSpan.FromSeconds(booted.Uptime);
        // A start time that moved forward by more than clock jitter means Asterisk restarted in between.
        if (_asteriskStartedAt is { } previous && startedAt - previous > TimeSpan.FromSeconds(5))
        {
            _restartSeen = true;
        }
        _asteriskStartedAt = startedAt;
    }

    private void OnFeatureCodeUserEvent(UserEventEvent e)
    {
        var now = e.Timestamp ?? _time.GetUtcNow();
        var channel = e.Channel;
        _produced.Add(new FeatureCodeDialed(Guid.NewGuid(), _server.Name, now, channel?.Uniqueid ?? string.Empty, channel?.Name ?? string.Empty,
            e.Headers.GetValueOrDefault("Interface") ?? channel?.Device ?? string.Empty, channel?.CallerIdNum ?? string.Empty,
            e.Headers.GetValueOrDefault("Code") ?? string.Empty, "ami-userevent", now));
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_batch.Count == 0)
        {
            return;
        }
        await _outbox.AppendAsync(_batch, ct);
        _metrics.DomainEventsAppended(_batch.Count);
        _batch.Clear();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "AMI {Server}: {Lost} events were lost ({Detail}); resynchronising from a snapshot")]
        public static partial void EventsLost(ILogger logger, string server, long lost, string detail);

        [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Asterisk {Server} is shutting down ({Kind}, restart {Restart})")]
        public static partial void AsteriskShuttingDown(ILogger logger, string server, string kind, bool restart);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Asterisk {Server} resynchronised ({Trigger}, restarted {Restarted}): {Ended} calls ended, {Learned} learned, members +{Added} -{Removed} ~{Changed}")]
        public static partial void Resynchronized(ILogger logger, string server, string trigger, bool restarted, int ended, int learned, int added, int removed, int changed);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Asterisk {Server}: resynchronisation failed ({Reason}); it runs again on the next connect")]
        public static partial void ResyncFailed(ILogger logger, string server, string reason);
    }
}
