using ContactCenter.Agents;
using ContactCenter.Connector;

namespace ContactCenter.Worker.Modules;

/// <summary>The center's modules, one entry per module library.</summary>
public static class WorkerModules
{
    /// <summary>
    /// Adding a module is one entry here, for example:
    /// <code>
    /// new(WorkerRoles.Connector)
    /// {
    ///     AddServices = (services, configuration) => services.AddConnectorModule(configuration),
    ///     AddConsumers = bus => bus.AddConnectorConsumers(),
    ///     ConfigureEndpoints = (cfg, context) => cfg.ConfigureConnectorEndpoints(context),
    /// },
    /// </code>
    /// </summary>
    public static IReadOnlyList<WorkerModule> All { get; } =
    [
        new(WorkerRoles.Connector)
        {
            AddServices = (services, configuration) => services.AddConnectorModule(configuration),
            AddConsumers = bus => bus.AddConnectorConsumers(),
            ConfigureEndpoints = (cfg, context) => cfg.ConfigureConnectorEndpoints(context),
        },
        new(WorkerRoles.Agents)
        {
            AddServices = (services, configuration) => services.AddAgentsModule(configuration),
            AddConsumers = bus => bus.AddAgentsConsumers(),
            ConfigureEndpoints = (cfg, context) => cfg.ConfigureAgentsEndpoints(context),
            MapEndpoints = routes => routes.MapAgentsEndpoints(),
        },
    ];
}
