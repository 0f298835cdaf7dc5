using ContactCenter.Connector.Configuration;
using ContactCenter.Connector.Outbox;
using ContactCenter.Contracts;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Connector.Tests.Integration;

/// <summary>
/// The connector module in a real host with a real RabbitMQ bus (a fresh virtual host per test) and a
/// collector endpoint that receives every event type, as a downstream consumer would.
/// </summary>
internal sealed class ConnectorTestHost : IAsyncDisposable
{
    private static readonly Type[] EventTypes = typeof(IContactCenterEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(IContactCenterEvent).IsAssignableFrom(t)).ToArray();

    private readonly IHost _host;

    private ConnectorTestHost(IHost host, EventCollector events)
    {
        _host = host;
        Events = events;
    }

    public EventCollector Events { get; }

    public IServiceProvider Services => _host.Services;

    public EventOutbox Outbox => Services.GetRequiredService<EventOutbox>();

    public static async Task<ConnectorTestHost> StartAsync(string vhost, string statePath, EventCollector? events = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null, ILoggerProvider? logs = null)
    {
        events ??= new EventCollector();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Connector:StatePath"] = statePath });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        }
        builder.Services.AddConnectorModule(builder.Configuration);
        builder.Services.AddSingleton(events);
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConnectorConsumers();
            foreach (var type in EventTypes)
            {
                bus.AddConsumer(typeof(Collect<>).MakeGenericType(type)).ExcludeFromConfigureEndpoints();
            }
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(RabbitMqBroker.VirtualHostUri(vhost), h =>
                {
                    h.Username(RabbitMqBroker.Username);
                    h.Password(RabbitMqBroker.Password);
                });
                cfg.ConfigureConnectorEndpoints(context);
                cfg.ReceiveEndpoint("test-collector", endpoint =>
                {
                    // One at a time, so the order the collector records is the queue's order: with a backlog
                    // (after an outage) concurrent consumers would record it shuffled.
                    endpoint.ConcurrentMessageLimit = 1;
                    foreach (var type in EventTypes)
                    {
                        endpoint.ConfigureConsumer(context, typeof(Collect<>).MakeGenericType(type));
                    }
                });
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ConnectorTestHost(host, events);
    }

    /// <summary>Sends a command to the connector queue of its server, as any consumer instance would.</summary>
    public async Task SendAsync<T>(T command) where T : class, IAsteriskCommand
    {
        var endpoint = await Services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(ConnectorQueue.For(command.Server));
        await endpoint.Send(command);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
