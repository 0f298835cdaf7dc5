using ContactCenter.Connector.Commands;
using ContactCenter.Connector.Configuration;
using ContactCenter.Connector.FeatureCodes;
using ContactCenter.Connector.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Connector.Servers;

/// <summary>
/// Runs every owned server: starts its AMI client and ARI event stream and the pumps that consume them,
/// and prunes the command ledger. A pump that fails is a bug: it is logged as critical and stops the host
/// rather than leaving a connector that silently stopped reading Asterisk.
/// </summary>
internal sealed partial class ConnectorService : BackgroundService
{
    private static readonly TimeSpan LedgerRetention = TimeSpan.FromDays(7);

    private readonly AsteriskServerRegistry _servers;
    private readonly AsteriskOptions _asterisk;
    private readonly ConnectorOptions _options;
    private readonly EventOutbox _outbox;
    private readonly CommandLedger _ledger;
    private readonly ConnectorMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<ConnectorService> _logger;
    private readonly IHostApplicationLifetime _lifetime;

    public ConnectorService(AsteriskServerRegistry servers, AsteriskOptions asterisk, ConnectorOptions options, EventOutbox outbox, CommandLedger ledger,
        ConnectorMetrics metrics, TimeProvider time, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        _servers = servers;
        _asterisk = asterisk;
        _options = options;
        _outbox = outbox;
        _ledger = ledger;
        _metrics = metrics;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<ConnectorService>();
        _lifetime = lifetime;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var work = new List<Task> { PruneLedgerAsync(stoppingToken) };
        var apps = new List<FeatureCodeApp>();
        foreach (var server in _servers.All)
        {
            var pumpLogger = _loggers.CreateLogger<AmiEventPump>();
            work.Add(new AmiEventPump(server, _outbox, _metrics, _time, pumpLogger).RunAsync(stoppingToken));
            server.Ami.Start();
            var ari = _asterisk.Servers.First(s => string.Equals(s.Name, server.Name, StringComparison.OrdinalIgnoreCase)).Ari;
            if (server.Ari is not null && server.AriEvents is not null && ari is not null)
            {
                var app = new FeatureCodeApp(server.Name, server.Ari, _outbox, _time, _options.FeatureCodeAnswerTimeout, _options.TryLaterPrompt,
                    _loggers.CreateLogger<FeatureCodeApp>());
                server.FeatureCodes = app;
                apps.Add(app);
                work.Add(server.AriEvents.RunAsync(stoppingToken));
                work.Add(new AriEventPump(server, app, _outbox, _time, ari.Application, _loggers.CreateLogger<AriEventPump>()).RunAsync(stoppingToken));
            }
            Log.ServerStarted(_logger, server.Name, server.Ami.Endpoint, ari?.BaseUrl?.ToString() ?? "(no ARI)");
        }

        try
        {
            await Task.WhenAll(work);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            Log.PumpFailed(_logger, ex);
            _lifetime.StopApplication();
            throw;
        }
        finally
        {
            await Task.WhenAll(apps.SelectMany(a => a.Work));
        }
    }

    private async Task PruneLedgerAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), _time);
        do
        {
            await _ledger.PruneAsync(_time.GetUtcNow() - LedgerRetention, ct);
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3500, Level = LogLevel.Information, Message = "Connector owns {Server}: AMI {AmiEndpoint}, ARI {AriUrl}")]
        public static partial void ServerStarted(ILogger logger, string server, string amiEndpoint, string ariUrl);

        [LoggerMessage(EventId = 3501, Level = LogLevel.Critical, Message = "A connector event pump failed; stopping the host so that it is restarted rather than left deaf")]
        public static partial void PumpFailed(ILogger logger, Exception exception);
    }
}
