using ContactCenter.Connector.Configuration;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Connector.Servers;

/// <summary>The servers this connector owns, by name (case-insensitive), for the pumps and the command consumers.</summary>
internal sealed class AsteriskServerRegistry : IAsyncDisposable
{
    private readonly Dictionary<string, AsteriskServer> _servers;

    public AsteriskServerRegistry(AsteriskOptions asterisk, ConnectorOptions connector, ILoggerFactory loggers, TimeProvider time)
    {
        _servers = asterisk.Servers.ToDictionary(s => s.Name, s => new AsteriskServer(s, connector, loggers, time), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<AsteriskServer> All => _servers.Values;

    public AsteriskServer? Find(string name) => _servers.GetValueOrDefault(name);

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }
    }
}
