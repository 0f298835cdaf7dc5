using ContactCenter.Asterisk.Ari;
using ContactCenter.Connector.Outbox;
using ContactCenter.Connector.Servers;
using ContactCenter.Contracts.Asterisk;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Connector.FeatureCodes;

/// <summary>
/// The one consumer of a server's ARI event stream: hands Stasis events to the feature-code application
/// and announces the ARI connection. Work per channel (REST calls) runs on the channel's own task, so 200
/// phones dialling at once are answered in parallel, not one after the other.
/// </summary>
internal sealed partial class AriEventPump
{
    private readonly AsteriskServer _server;
    private readonly FeatureCodeApp _app;
    private readonly EventOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly string _application;
    private readonly ILogger _logger;

    public AriEventPump(AsteriskServer server, FeatureCodeApp app, EventOutbox outbox, TimeProvider time, string application, ILogger logger)
    {
        _server = server;
        _app = app;
        _outbox = outbox;
        _time = time;
        _application = application;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var reader = _server.AriEvents!.Items;
        while (await reader.WaitToReadAsync(ct))
        {
            while (reader.TryRead(out var item))
            {
                switch (item.Kind)
                {
                    case AriStreamItemKind.Event:
                        Dispatch(item.Event!, ct);
                        break;
                    case AriStreamItemKind.Connected:
                        await _outbox.AppendAsync([(new AsteriskConnected(Guid.NewGuid(), _server.Name, _time.GetUtcNow(), "ari", item.Detail ?? string.Empty), 0L)], ct);
                        await ReleaseOrphansAsync(ct);
                        break;
                    case AriStreamItemKind.Disconnected:
                        await _outbox.AppendAsync([(new AsteriskDisconnected(Guid.NewGuid(), _server.Name, _time.GetUtcNow(), "ari", item.Detail ?? string.Empty), 0L)], ct);
                        break;
                    case AriStreamItemKind.EventsLost:
                        Log.EventsLost(_logger, _server.Name, item.LostEvents);
                        await ReleaseOrphansAsync(ct);
                        break;
                }
            }
        }
    }

    private void Dispatch(AriEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case StasisStart start:
                _app.OnStasisStart(start, ct);
                break;
            case StasisEnd end:
                _app.OnStasisEnd(end);
                break;
            case PlaybackFinished finished:
                _app.OnPlaybackFinished(finished);
                break;
        }
    }

    /// <summary>
    /// After a reconnect or lost events the application's channels are compared with Asterisk's list:
    /// channels that dialled while the WebSocket was down are released with the "try later" prompt by
    /// hanging them up, and channels that left without a StasisEnd are forgotten.
    /// </summary>
    private async Task ReleaseOrphansAsync(CancellationToken ct)
    {
        try
        {
            var application = await _server.Ari!.GetApplicationAsync(_application, ct);
            var held = _app.ReconcileHeld(application.ChannelIds);
            foreach (var orphan in held.Orphans)
            {
                Log.OrphanReleased(_logger, _server.Name, orphan);
                await _server.Ari.HangupAsync(orphan, 16, ct);
            }
        }
        catch (AriException ex)
        {
            Log.ReconcileFailed(_logger, _server.Name, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3300, Level = LogLevel.Warning, Message = "ARI {Server}: {Lost} events lost; reconciling held channels")]
        public static partial void EventsLost(ILogger logger, string server, long lost);

        [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "ARI {Server}: channel {ChannelId} entered the application while the connector was away; hung up")]
        public static partial void OrphanReleased(ILogger logger, string server, string channelId);

        [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "ARI {Server}: could not reconcile held channels: {Reason}")]
        public static partial void ReconcileFailed(ILogger logger, string server, string reason);
    }
}
