using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ari;
using ContactCenter.Connector.Outbox;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactCenter.Connector.Servers;

/// <summary>
/// Ready when every owned server's AMI session is logged in (and its ARI events connected, when ARI is
/// configured). Reports the outbox depth: a growing depth means the broker is not taking events.
/// </summary>
internal sealed class AsteriskHealthCheck(AsteriskServerRegistry servers, EventOutbox outbox, ConnectorMetrics metrics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["outboxDepth"] = outbox.Depth,
            ["amiEvents"] = metrics.AmiEvents,
            ["publishedEvents"] = metrics.PublishedEvents,
            ["frameToConfirmP99Ms"] = metrics.FrameToConfirm.Percentile(99).TotalMilliseconds,
        };
        var down = new List<string>();
        foreach (var server in servers.All)
        {
            data[$"{server.Name}:ami"] = server.Ami.State.ToString();
            if (server.Ami.State != AmiConnectionState.Connected)
            {
                down.Add($"{server.Name} AMI {server.Ami.State}");
            }
            if (server.AriEvents is { } ari)
            {
                data[$"{server.Name}:ari"] = ari.State.ToString();
                if (ari.State != AriConnectionState.Connected)
                {
                    down.Add($"{server.Name} ARI {ari.State}");
                }
            }
        }
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy("all Asterisk servers connected", data)
            : HealthCheckResult.Unhealthy(string.Join("; ", down), data: data));
    }
}
