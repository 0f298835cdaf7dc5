using System.Data.Common;
using ContactCenter.Data;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactCenter.Worker.Health;

/// <summary>A real query, once, without retries: readiness must answer now, not after a backoff.</summary>
internal sealed partial class DatabaseHealthCheck(Database database, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    private const string CountAppliedSql = "SELECT COUNT(*) FROM schema_journal";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountAppliedSql, cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy($"{database.Dialect}, {applied} migrations applied");
        }
        catch (DbException e)
        {
            // The answer is anonymous: details go to the log only.
            LogFailed(logger, e, database.Dialect.Provider);
            return new HealthCheckResult(context.Registration.FailureStatus, $"{database.Dialect} query failed ({e.GetType().Name})");
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Database health check failed on {Provider}")]
    private static partial void LogFailed(ILogger logger, Exception exception, DatabaseProvider provider);
}
