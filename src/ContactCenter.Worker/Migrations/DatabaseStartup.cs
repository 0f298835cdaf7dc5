using ContactCenter.Data;
using Microsoft.Extensions.Options;

namespace ContactCenter.Worker.Migrations;

/// <summary>
/// Runs before the bus and the HTTP server start (it is registered first): applies pending migrations
/// when <c>Database:MigrateOnStart</c> is on (the SQLite default), and otherwise refuses to start on a
/// schema that is behind, naming the command that fixes it.
/// </summary>
internal sealed partial class DatabaseStartup(Database database, MigrationRunner migrations, IOptions<DatabaseOptions> options, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogDatabase(logger, database.Description);
        if (options.Value.ShouldMigrateOnStart)
        {
            await migrations.ApplyAsync(cancellationToken);
            return;
        }
        var pending = await migrations.PendingAsync(cancellationToken);
        if (pending.Count > 0)
        {
            throw new MigrationException(
                $"{pending.Count} migration(s) pending ({string.Join(", ", pending)}) and Database:MigrateOnStart is false: run `ContactCenter.Worker migrate` first");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Database: {Database}")]
    private static partial void LogDatabase(ILogger logger, string database);
}
