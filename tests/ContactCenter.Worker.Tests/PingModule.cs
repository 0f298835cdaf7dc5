using System.Collections.Concurrent;
using ContactCenter.Hosting.Api;
using ContactCenter.Hosting.Health;
using ContactCenter.Worker.Modules;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactCenter.Worker.Tests;

public sealed record Ping(Guid Id, int FailuresBeforeSuccess = 0);

public sealed record Doomed(Guid Id);

public sealed record PublishRequest(string? Text);

public sealed record PauseRequest(string Code);

/// <summary>
/// A tiny module that uses every seam the way a real one does: services and a readiness check, a
/// consumer on a queue it names itself (like the connector's <c>connector-{server}</c>), a consumer on a
/// conventional endpoint, and HTTP endpoints declaring each access level. Role: <c>calls</c>.
/// </summary>
internal static class PingModule
{
    public const string Queue = "ping-test";

    public static WorkerModule Module { get; } = new(WorkerRoles.Calls)
    {
        AddServices = (services, _) => services.AddPingModule(),
        AddConsumers = bus => bus.AddPingConsumers(),
        ConfigureEndpoints = (cfg, context) => cfg.ConfigurePingEndpoints(context),
        MapEndpoints = routes => routes.MapPingEndpoints(),
    };

    public static IServiceCollection AddPingModule(this IServiceCollection services)
    {
        services.AddSingleton<PingLog>();
        services.AddHealthChecks().Add(new HealthCheckRegistration("ping",
            sp => new DelegateHealthCheck(() => sp.GetRequiredService<PingLog>().Healthy), HealthStatus.Unhealthy, [HealthTags.Ready]));
        return services;
    }

    public static void AddPingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<PingConsumer>().ExcludeFromConfigureEndpoints();
        bus.AddConsumer<DoomedConsumer>();
        bus.AddConsumer<DoomedFaultConsumer>();
    }

    public static void ConfigurePingEndpoints(this IBusFactoryConfigurator cfg, IBusRegistrationContext context) =>
        cfg.ReceiveEndpoint(Queue, endpoint => endpoint.ConfigureConsumer<PingConsumer>(context));

    public static void MapPingEndpoints(this IEndpointRouteBuilder routes)
    {
        var ping = routes.MapGroup("/ping");
        ping.MapGet("/", () => "pong").RequireApiRole(ApiRoles.Agent);
        ping.MapGet("/agents/{agent}", (string agent) => TypedResults.Ok(new { agent })).RequireSelfOrRole();
        ping.MapPost("/agents/{agent}/pause", (string agent, PauseRequest request) => TypedResults.Ok(new { agent, request.Code }))
            .RequireSelfOrRole(ApiRoles.Admin);
        ping.MapGet("/supervisor", () => "floor").RequireApiRole(ApiRoles.Supervisor);
        ping.MapGet("/things/{id}", Results<Ok<string>, ProblemHttpResult> (string id) =>
            id == "known" ? TypedResults.Ok(id) : ApiProblems.NotFound("Thing", id)).RequireApiRole(ApiRoles.Agent);
        ping.MapPost("/admin/publish", async Task<Results<Accepted, ValidationProblem>> (PublishRequest request, IPublishEndpoint bus, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Text))
            {
                return ApiProblems.Invalid("text", "is required");
            }
            await bus.Publish(new Ping(Guid.NewGuid()), ct);
            return TypedResults.Accepted((string?)null);
        }).RequireApiRole(ApiRoles.Admin);
    }

    private sealed class DelegateHealthCheck(Func<bool> healthy) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(healthy() ? HealthCheckResult.Healthy("pinging") : HealthCheckResult.Unhealthy("ping is down"));
    }
}

/// <summary>What the ping consumers saw; tests await its signals instead of sleeping.</summary>
internal sealed class PingLog
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<(int Attempts, Uri? Queue)>> _done = new();

    public volatile bool Healthy = true;

    public int Attempt(Guid id) => _attempts.AddOrUpdate(id, 1, (_, n) => n + 1);

    public int Attempts(Guid id) => _attempts.GetValueOrDefault(id);

    public void Done(Guid id, Uri? queue) => Signal(id).TrySetResult((Attempts(id), queue));

    /// <summary>Completes with the attempts made and the queue the message came from.</summary>
    public Task<(int Attempts, Uri? Queue)> WaitAsync(Guid id, CancellationToken ct) => Signal(id).Task.WaitAsync(ct);

    private TaskCompletionSource<(int, Uri?)> Signal(Guid id) =>
        _done.GetOrAdd(id, _ => new TaskCompletionSource<(int, Uri?)>(TaskCreationOptions.RunContinuationsAsynchronously));
}

internal sealed class PingConsumer(PingLog log) : IConsumer<Ping>
{
    public Task Consume(ConsumeContext<Ping> context)
    {
        if (log.Attempt(context.Message.Id) <= context.Message.FailuresBeforeSuccess)
        {
            throw new InvalidOperationException("ping failed on purpose");
        }
        log.Done(context.Message.Id, context.ReceiveContext.InputAddress);
        return Task.CompletedTask;
    }
}

internal sealed class DoomedConsumer(PingLog log) : IConsumer<Doomed>
{
    public Task Consume(ConsumeContext<Doomed> context)
    {
        log.Attempt(context.Message.Id);
        throw new InvalidOperationException("doomed on purpose");
    }
}

/// <summary>Sees the fault MassTransit publishes once the retries are spent and the message went to the error queue.</summary>
internal sealed class DoomedFaultConsumer(PingLog log) : IConsumer<Fault<Doomed>>
{
    public Task Consume(ConsumeContext<Fault<Doomed>> context)
    {
        log.Done(context.Message.Message.Id, context.ReceiveContext.InputAddress);
        return Task.CompletedTask;
    }
}
