using ContactCenter.Agents.Api;
using ContactCenter.Agents.Consumers;
using ContactCenter.Agents.Directory;
using ContactCenter.Agents.Operations;
using ContactCenter.Agents.Reconciliation;
using ContactCenter.Agents.State;
using ContactCenter.Agents.Statistics;
using ContactCenter.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Agents;

/// <summary>
/// The agents role: login / pause / unpause / logout from phones and the web API, agent state following
/// calls, history, statistics. Consumers compete on durable queues, so any number of workers can run it.
/// </summary>
public static class AgentsModule
{
    public static IServiceCollection AddAgentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AgentsOptions.SectionName).Get<AgentsOptions>() ?? new AgentsOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddDatabaseOutbox();
        services.AddSingleton<AgentStateRecorder>();
        services.AddSingleton<MembershipRecorder>();
        services.AddSingleton<MembershipReconciler>();
        services.AddSingleton<OperationMessages>();
        services.AddSingleton<OperationTracker>();
        services.AddSingleton<OperationPlanner>();
        services.AddSingleton<ConsumerTransaction>();
        services.AddSingleton<AgentStatusQuery>();
        services.AddSingleton<OperationContext>();
        services.AddHostedService<AgentTimersService>();

        services.AddSingleton<AgentAdmin>();
        services.AddSingleton<ExtensionAdmin>();
        services.AddSingleton<QueueAdmin>();
        services.AddSingleton<AgentQueueAdmin>();
        services.AddSingleton<PauseCodeAdmin>();
        services.AddSingleton<AgentStatisticsQuery>();
        if (options.SeedDemoData)
        {
            // Hosted services start in registration order: the worker registers its database start-up before any module.
            services.AddHostedService<DemoDirectorySeed>();
        }
        return services;
    }

    /// <summary>The queue every agent-state message goes through (see <see cref="ConfigureAgentsEndpoints"/>).</summary>
    public const string StateQueue = "agents-state";

    public static IBusRegistrationConfigurator AddAgentsConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<FeatureCodeDialedConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<FeatureCodeTimedOutConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<QueueMemberAddedConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<QueueMemberRemovedConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<QueueMemberPausedConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<QueueMemberUnpausedConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<QueueMemberStatusChangedConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<CommandCompletedConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<CallAnsweredConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<QueueMembershipSnapshotConsumer>().ExcludeFromConfigureEndpoints();
        return bus;
    }

    /// <summary>
    /// One queue for all agent-state messages, in the order the connector published them. Order matters: a
    /// QueueMemberRemoved handled before the QueueMemberAdded it follows would leave an agent recorded as
    /// logged in. Within a worker, a partitioner keyed by the member's interface keeps each phone's messages in
    /// order while different phones go in parallel; across workers RabbitMQ's single active consumer keeps one
    /// worker consuming and the others on standby (agent state is hundreds of messages per second at most).
    /// </summary>
    public static void ConfigureAgentsEndpoints(this IBusFactoryConfigurator configurator, IBusRegistrationContext context)
    {
        configurator.ReceiveEndpoint(StateQueue, endpoint =>
        {
            if (endpoint is MassTransit.IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.SingleActiveConsumer = true;
            }
            var partitioner = endpoint.CreatePartitioner(16);
            endpoint.ConfigureConsumer<FeatureCodeDialedConsumer>(context, c => c.Message<Contracts.Agents.FeatureCodeDialed>(m => m.UsePartitioner(partitioner, p => FeatureCodeDialedConsumer.PartitionKey(p.Message.Code, p.Message.Extension))));
            endpoint.ConfigureConsumer<FeatureCodeTimedOutConsumer>(context, c => c.Message<Contracts.Agents.FeatureCodeTimedOut>(m => m.UsePartitioner(partitioner, p => FeatureCodeDialedConsumer.PartitionKey(p.Message.Code, p.Message.Extension))));
            endpoint.ConfigureConsumer<QueueMemberAddedConsumer>(context, c => c.Message<Contracts.Queues.QueueMemberAdded>(m => m.UsePartitioner(partitioner, p => p.Message.Member.Interface)));
            endpoint.ConfigureConsumer<QueueMemberRemovedConsumer>(context, c => c.Message<Contracts.Queues.QueueMemberRemoved>(m => m.UsePartitioner(partitioner, p => p.Message.Member.Interface)));
            endpoint.ConfigureConsumer<QueueMemberPausedConsumer>(context, c => c.Message<Contracts.Queues.QueueMemberPaused>(m => m.UsePartitioner(partitioner, p => p.Message.Member.Interface)));
            endpoint.ConfigureConsumer<QueueMemberUnpausedConsumer>(context, c => c.Message<Contracts.Queues.QueueMemberUnpaused>(m => m.UsePartitioner(partitioner, p => p.Message.Member.Interface)));
            endpoint.ConfigureConsumer<QueueMemberStatusChangedConsumer>(context, c => c.Message<Contracts.Queues.QueueMemberStatusChanged>(m => m.UsePartitioner(partitioner, p => p.Message.Member.Interface)));
            endpoint.ConfigureConsumer<CommandCompletedConsumer>(context, c => c.Message<Contracts.Commands.CommandCompleted>(m => m.UsePartitioner(partitioner, p => p.Message.CommandId)));
            endpoint.ConfigureConsumer<CallAnsweredConsumer>(context, c => c.Message<Contracts.Calls.CallAnswered>(m => m.UsePartitioner(partitioner, p => p.Message.AnsweredBy)));
            endpoint.ConfigureConsumer<QueueMembershipSnapshotConsumer>(context, c => c.Message<Contracts.Queues.QueueMembershipSnapshot>(m => m.UsePartitioner(partitioner, p => p.Message.Server)));
        });
    }

    public static IEndpointRouteBuilder MapAgentsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapAgentOperationEndpoints();
        routes.MapStatisticsEndpoints();
        routes.MapAdminEndpoints();
        return routes;
    }
}
