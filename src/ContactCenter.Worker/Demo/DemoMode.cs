using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ContactCenter.Contracts;
using ContactCenter.Worker.Modules;
using MassTransit;

namespace ContactCenter.Worker.Demo;

/// <summary>
/// The embedded demo: when no Asterisk is configured (<c>Asterisk:Servers</c> empty) and <c>Demo:Enabled</c> is not
/// false, the PBX simulator runs inside the worker as server <c>demo</c>, the directory is seeded, phones log
/// agents in with feature codes and customers call the queues, and every event is printed as it happens.
/// Nothing else changes: the connector talks to the simulator over real AMI and ARI sockets.
/// </summary>
internal static class DemoMode
{
    public const string Server = "demo";

    /// <summary>When the demo applies, settings for the connector and the seed, and the module that runs it.</summary>
    public static WorkerModule? Configure(IConfigurationManager configuration)
    {
        if (configuration.GetValue("Demo:Enabled", true) is false || configuration.GetSection("Asterisk:Servers").GetChildren().Any())
        {
            return null;
        }
        var settings = new DemoSettings(FreePort(), FreePort(), "demo", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            "demo", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Asterisk:Servers:0:Name"] = Server,
            ["Asterisk:Servers:0:Ami:Host"] = "127.0.0.1",
            ["Asterisk:Servers:0:Ami:Port"] = settings.AmiPort.ToString(CultureInfo.InvariantCulture),
            ["Asterisk:Servers:0:Ami:Username"] = settings.AmiUser,
            ["Asterisk:Servers:0:Ami:Secret"] = settings.AmiSecret,
            ["Asterisk:Servers:0:Ari:BaseUrl"] = $"http://127.0.0.1:{settings.AriPort}/ari/",
            ["Asterisk:Servers:0:Ari:Username"] = settings.AriUser,
            ["Asterisk:Servers:0:Ari:Password"] = settings.AriPassword,
            ["Agents:SeedDemoData"] = "true",
            ["Agents:DemoServer"] = Server,
        });
        return new WorkerModule(WorkerRoles.Connector)
        {
            AddServices = (services, _) =>
            {
                services.AddSingleton(settings);
                services.AddHostedService<DemoSimulatorService>();
            },
            AddConsumers = bus =>
            {
                foreach (var type in EventTypes)
                {
                    bus.AddConsumer(typeof(DemoEventPrinter<>).MakeGenericType(type)).ExcludeFromConfigureEndpoints();
                }
            },
            ConfigureEndpoints = (cfg, context) => cfg.ReceiveEndpoint("demo-printer", endpoint =>
            {
                foreach (var type in EventTypes)
                {
                    endpoint.ConfigureConsumer(context, typeof(DemoEventPrinter<>).MakeGenericType(type));
                }
            }),
        };
    }

    private static IEnumerable<Type> EventTypes => typeof(IContactCenterEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(IContactCenterEvent).IsAssignableFrom(t));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Where the in-process simulator listens and the credentials the connector uses (random per run).</summary>
internal sealed record DemoSettings(int AmiPort, int AriPort, string AmiUser, string AmiSecret, string AriUser, string AriPassword);
