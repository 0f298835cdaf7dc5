using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Data.Tests;

/// <summary>A real SQLite file in its own temp folder, deleted on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-data-").FullName;

    public TempDatabase(int maxAttempts = 5, TimeSpan? baseDelay = null)
    {
        Path = System.IO.Path.Combine(_folder, "center.db");
        Options = new DatabaseOptions
        {
            ConnectionString = Path,
            BusyTimeout = TimeSpan.FromSeconds(1),
            Retry = new DatabaseRetryOptions { MaxAttempts = maxAttempts, BaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(50) },
        };
        Database = CreateDatabase();
    }

    public string Path { get; }

    public DatabaseOptions Options { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public Database Database { get; }

    /// <summary>Another instance on the same file: a second worker, with its own connections.</summary>
    public Database CreateDatabase() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), Logs.CreateFactory().CreateLogger<Database>(), TimeProvider.System);

    public MigrationRunner CreateRunner(MigrationScriptSet? scripts = null, Database? database = null) =>
        new(database ?? Database, scripts ?? MigrationScriptSet.Embedded, Logs.CreateFactory().CreateLogger<MigrationRunner>(), TimeProvider.System);

    /// <summary>A raw connection that bypasses the code under test.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={Path};Default Timeout=1");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
