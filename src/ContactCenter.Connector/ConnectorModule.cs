using ContactCenter.Connector.Commands;
using ContactCenter.Connector.Configuration;
using ContactCenter.Connector.Outbox;
using ContactCenter.Connector.Servers;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Channels;
using ContactCenter.Contracts.Queues;
using ContactCenter.Messaging.Outbox;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Connector;

/// <summary>
/// The connector role: owns the Asterisk servers of <c>Asterisk:Servers</c>, publishes their events through
/// the outbox, and executes the commands sent to each server's queue (<c>connector-{server}</c>).
/// </summary>
public static class ConnectorModule
{
    /// <summary>Registers the connector's services; settings are validated here, naming the bad key.</summary>
    public static IServiceCollection AddConnectorModule(this IServiceCollection services, IConfiguration configuration)
    {
        var asterisk = configuration.GetSection(AsteriskOptions.SectionName).Get<AsteriskOptions>() ?? new AsteriskOptions();
        asterisk.Validate();
        var connector = configuration.GetSection(ConnectorOptions.SectionName).Get<ConnectorOptions>() ?? new ConnectorOptions();
        connector.Validate();

        services.AddSingleton(asterisk);
        services.AddSingleton(connector);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConnectorMetrics>();
        services.AddSingleton(_ => EventOutbox.Open(connector.StatePath, connector.OutboxSynchronousFull));
        services.AddSingleton<CommandLedger>();
        services.AddSingleton<AsteriskServerRegistry>();
        services.AddSingleton<CommandExecutor>();
        services.AddHostedService<ConnectorService>();
        // Not AddHostedService: it de-duplicates by implementation type and the database outbox has one too.
        services.AddSingleton<IHostedService>(sp => new OutboxPublisher("connector", sp.GetRequiredService<EventOutbox>(), sp.GetRequiredService<IBus>(),
            sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<OutboxPublisher>>(),
            row => sp.GetRequiredService<ConnectorMetrics>().Published(row.ReceivedTimestamp)));
        services.AddHealthChecks().AddCheck<AsteriskHealthCheck>("asterisk", tags: ["ready"]);
        return services;
    }

    /// <summary>Registers the command consumers; they run only on the per-server endpoints below.</summary>
    public static IBusRegistrationConfigurator AddConnectorConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<AddQueueMemberConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<RemoveQueueMemberConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<PauseQueueMemberConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<OriginateCallConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<HangUpChannelConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<PlayAndHangUpConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<AnswerAndPlayConsumer>().ExcludeFromConfigureEndpoints();
        return bus;
    }

    /// <summary>
    /// One queue per owned server, <c>connector-{server}</c>: a command reaches only the connector that owns
    /// its server, whichever instance sent it. Retry and the error queue come from the host's bus-wide policy;
    /// only an outbox failure escapes the executor, and the ledger keeps a retry from acting twice.
    /// </summary>
    public static void ConfigureConnectorEndpoints(this IBusFactoryConfigurator configurator, IBusRegistrationContext context)
    {
        var asterisk = context.GetRequiredService<AsteriskOptions>();
        foreach (var server in asterisk.Servers)
        {
            configurator.ReceiveEndpoint(ConnectorQueue.NameFor(server.Name), endpoint =>
            {
                endpoint.ConcurrentMessageLimit = 64;
                // Commands arrive only by Send to this queue: not bound to the command types' exchanges, so a
                // command published by mistake is not executed by the owner and refused by every other connector.
                endpoint.ConfigureConsumeTopology = false;
                // Commands for one phone run in the order they were sent (an add, then the remove that undoes
                // it); different phones and channels run in parallel.
                var partitioner = endpoint.CreatePartitioner(32);
                endpoint.ConfigureConsumer<AddQueueMemberConsumer>(context, c => c.Message<AddQueueMember>(m => m.UsePartitioner(partitioner, p => p.Message.Interface)));
                endpoint.ConfigureConsumer<RemoveQueueMemberConsumer>(context, c => c.Message<RemoveQueueMember>(m => m.UsePartitioner(partitioner, p => p.Message.Interface)));
                endpoint.ConfigureConsumer<PauseQueueMemberConsumer>(context, c => c.Message<PauseQueueMember>(m => m.UsePartitioner(partitioner, p => p.Message.Interface)));
                endpoint.ConfigureConsumer<OriginateCallConsumer>(context, c => c.Message<OriginateCall>(m => m.UsePartitioner(partitioner, p => p.Message.CommandId)));
                endpoint.ConfigureConsumer<HangUpChannelConsumer>(context, c => c.Message<HangUpChannel>(m => m.UsePartitioner(partitioner, p => p.Message.ChannelId)));
                endpoint.ConfigureConsumer<PlayAndHangUpConsumer>(context, c => c.Message<PlayAndHangUp>(m => m.UsePartitioner(partitioner, p => p.Message.ChannelId)));
                endpoint.ConfigureConsumer<AnswerAndPlayConsumer>(context, c => c.Message<AnswerAndPlay>(m => m.UsePartitioner(partitioner, p => p.Message.ChannelId)));
            });
        }
    }
}
