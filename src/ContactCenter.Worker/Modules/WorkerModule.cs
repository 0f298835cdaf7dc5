using MassTransit;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Worker.Modules;

/// <summary>
/// How a module library plugs into the worker: four optional hooks, each a call to one of the module's
/// own extension methods. The hooks run only when the module's <see cref="Role"/> is enabled;
/// <see cref="MapEndpoints"/> also needs the <c>api</c> role.
/// </summary>
/// <param name="Role">One of <see cref="WorkerRoles.Known"/>.</param>
public sealed record WorkerModule(string Role)
{
    /// <summary><c>(services, configuration) =&gt; services.AddXxxModule(configuration)</c>: options, hosted services, health checks.</summary>
    public Action<IServiceCollection, IConfiguration>? AddServices { get; init; }

    /// <summary><c>bus =&gt; bus.AddXxxConsumers()</c>: consumers and their definitions.</summary>
    public Action<IBusRegistrationConfigurator>? AddConsumers { get; init; }

    /// <summary>
    /// <c>(cfg, context) =&gt; cfg.ConfigureXxxEndpoints(context)</c>: receive endpoints the module names itself
    /// (the connector's <c>connector-{server}</c> queue). Runs before the conventional endpoints are configured;
    /// exclude consumers placed here from them with <c>ExcludeFromConfigureEndpoints()</c>.
    /// </summary>
    public Action<IBusFactoryConfigurator, IBusRegistrationContext>? ConfigureEndpoints { get; init; }

    /// <summary><c>routes =&gt; routes.MapXxxEndpoints()</c>: HTTP endpoints, each declaring who may call it.</summary>
    public Action<IEndpointRouteBuilder>? MapEndpoints { get; init; }
}
