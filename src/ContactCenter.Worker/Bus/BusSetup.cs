using ContactCenter.Hosting.Health;
using ContactCenter.Worker.Modules;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ContactCenter.Worker.Bus;

/// <summary>MassTransit for the enabled modules, on the in-memory transport or RabbitMQ.</summary>
internal static class BusSetup
{
    public static IServiceCollection AddContactCenterBus(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<WorkerModule> modules)
    {
        // The transport decides what is registered, so the section is checked now rather than at start.
        var options = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(BusOptions.Section, typeof(BusOptions), errors);
        }
        services.AddSingleton(Options.Create(options));

        services.AddMassTransit(bus =>
        {
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "bus";
                health.Tags.Add(HealthTags.Ready);
            });
            foreach (var module in modules)
            {
                module.AddConsumers?.Invoke(bus);
            }
            if (options.IsRabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = options.RabbitMq;
                    cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, host =>
                    {
                        host.Username(rabbit.Username);
                        host.Password(rabbit.Password);
                        // A publish completes only when the broker has taken the message.
                        host.PublisherConfirmation = true;
                    });
                    // Queues and exchanges are declared durable (MassTransit's default for named endpoints; the
                    // RabbitMQ test checks it on the broker), so they survive a broker restart.
                    ConfigureEndpoints(cfg, context, options, modules);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => ConfigureEndpoints(cfg, context, options, modules));
            }
        });

        // Start returns only once every receive endpoint is bound: a publish right after start is never
        // dropped by RabbitMQ for lack of a bound queue.
        services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = options.StartTimeout;
            host.StopTimeout = options.StopTimeout;
        });
        return services;
    }

    private static void ConfigureEndpoints<T>(IBusFactoryConfigurator<T> cfg, IBusRegistrationContext context, BusOptions options, IReadOnlyList<WorkerModule> modules)
        where T : IReceiveEndpointConfigurator
    {
        // The one place for retry, redelivery and error queues, for every endpoint of every module: a consumer
        // that throws is retried with exponential intervals; when the retries are spent MassTransit moves the
        // message to <queue>_error and publishes Fault<T>. A consumer never swallows an exception to "handle" it.
        // Delayed redelivery is not configured: on RabbitMQ it needs the delayed-exchange plugin.
        if (options.Retry.Limit > 0)
        {
            cfg.UseMessageRetry(retry => retry.Exponential(options.Retry.Limit, options.Retry.MinInterval, options.Retry.MaxInterval, options.Retry.MinInterval));
        }
        foreach (var module in modules)
        {
            module.ConfigureEndpoints?.Invoke(cfg, context);
        }
        cfg.ConfigureEndpoints(context);
    }
}
