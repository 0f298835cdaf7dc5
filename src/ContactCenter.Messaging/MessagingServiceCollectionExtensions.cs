using ContactCenter.Data;
using ContactCenter.Messaging.Outbox;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Messaging;

/// <summary>Registration of the consumers' database outbox; every consumer module calls it, it registers once.</summary>
public static class MessagingServiceCollectionExtensions
{
    public static IServiceCollection AddDatabaseOutbox(this IServiceCollection services)
    {
        DapperTypes.Register();
        if (services.Any(d => d.ServiceType == typeof(SqlOutbox)))
        {
            return services;
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqlOutbox>();
        // Not AddHostedService: it de-duplicates by implementation type, and the connector's outbox has an
        // OutboxPublisher of its own, so the second one would silently never run.
        services.AddSingleton<IHostedService>(sp => new OutboxPublisher("database", sp.GetRequiredService<SqlOutbox>(), sp.GetRequiredService<IBus>(),
            sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<OutboxPublisher>>()));
        return services;
    }
}
