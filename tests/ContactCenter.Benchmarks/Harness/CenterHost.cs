using System.Globalization;
using ContactCenter.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Benchmarks.Harness;

/// <summary>
/// The product's worker started the way the product starts it (<see cref="ContactCenterHost"/>), in this process,
/// with the given roles, on a fresh RabbitMQ virtual host and SQLite files in a temporary folder, owning one
/// Asterisk server named <see cref="Server"/>.
/// </summary>
internal static class CenterHost
{
    public const string Server = "pbx1";

    /// <param name="ariBaseUrl">Null: AMI only (no feature-code application).</param>
    public static Dictionary<string, string?> Settings(string roles, string folder, string vhost, int amiPort, Uri? ariBaseUrl, string user = "admin", string secret = "admin")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Roles"] = roles,
            ["Demo:Enabled"] = "false",
            ["Database:ConnectionString"] = Path.Combine(folder, "center.db"),
            ["Connector:StatePath"] = Path.Combine(folder, "connector.db"),
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = RabbitMqVirtualHost.Host,
            ["Bus:RabbitMq:Port"] = RabbitMqVirtualHost.Port.ToString(CultureInfo.InvariantCulture),
            ["Bus:RabbitMq:VirtualHost"] = vhost,
            ["Bus:RabbitMq:Username"] = RabbitMqVirtualHost.Username,
            ["Bus:RabbitMq:Password"] = RabbitMqVirtualHost.Password,
            ["Asterisk:Servers:0:Name"] = Server,
            ["Asterisk:Servers:0:Ami:Host"] = "127.0.0.1",
            ["Asterisk:Servers:0:Ami:Port"] = amiPort.ToString(CultureInfo.InvariantCulture),
            ["Asterisk:Servers:0:Ami:Username"] = user,
            ["Asterisk:Servers:0:Ami:Secret"] = secret,
            ["Asterisk:Servers:0:Ami:ReconnectInitialDelay"] = "00:00:00.050",
            ["Asterisk:Servers:0:Ami:ReconnectMaxDelay"] = "00:00:00.500",
        };
        if (ariBaseUrl is not null)
        {
            settings["Asterisk:Servers:0:Ari:BaseUrl"] = ariBaseUrl.ToString();
            settings["Asterisk:Servers:0:Ari:Username"] = user;
            settings["Asterisk:Servers:0:Ari:Password"] = secret;
            settings["Asterisk:Servers:0:Ari:ReconnectInitialDelay"] = "00:00:00.050";
            settings["Asterisk:Servers:0:Ari:ReconnectMaxDelay"] = "00:00:00.500";
        }
        return settings;
    }

    /// <summary>Builds and starts the worker; returns once the bus is bound (MassTransit's WaitUntilStarted).</summary>
    public static async Task<WebApplication> StartAsync(IDictionary<string, string?> settings, ILoggerProvider logs, CancellationToken ct)
    {
        var builder = ContactCenterHost.CreateBuilder([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(settings);
            b.Logging.ClearProviders();
            b.Logging.AddProvider(logs);
        });
        var app = ContactCenterHost.Build(builder);
        await app.StartAsync(ct);
        return app;
    }
}
