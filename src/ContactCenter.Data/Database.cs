using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Data;

/// <summary>
/// The center's database: opens configured connections (SQLite in WAL mode with foreign keys on, or SQL
/// Server) and runs units of work with transient failures retried. A unit of work is retried whole —
/// connection, transaction and all — so it must be safe to run again: consumers make it so with
/// <see cref="ProcessedMessages"/>. When the retries are spent the last failure escapes as a
/// <see cref="TransientDatabaseException"/>; a consumer lets it out so MassTransit redelivers the message.
/// </summary>
public sealed partial class Database
{
    private readonly DatabaseOptions _options;
    private readonly string _connectionString;
    private readonly TransientRetry _retry;
    private readonly ILogger _logger;
    private readonly SqliteGroupCommit? _sqliteWriter;
    private int _walChecked;

    public Database(IOptions<DatabaseOptions> options, ILogger<Database> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions), errors);
        }
        Dialect = SqlDialect.For(_options.ProviderKind);
        _logger = logger;
        if (Dialect.Provider == DatabaseProvider.Sqlite)
        {
            ConnectionStrings.TryBuildSqlite(_options.ConnectionString, _options.BusyTimeout, out _connectionString, out _);
            _sqliteWriter = new SqliteGroupCommit(OpenAsync);
        }
        else
        {
            _connectionString = _options.ConnectionString;
        }
        _retry = new TransientRetry(Dialect, _options.Retry, logger, time);
    }

    public SqlDialect Dialect { get; }

    /// <summary>SQLite: transaction groups this process committed (each one fsync).</summary>
    internal long SqliteGroupsCommitted => _sqliteWriter?.GroupsCommitted ?? 0;

    internal TimeSpan LockTimeout => _options.MigrationLockTimeout;

    /// <summary>The connection string with any password replaced, safe for logs.</summary>
    public string Description => $"{Dialect} {ConnectionStrings.Redact(_connectionString)}";

    /// <summary>Opens a connection, not retried; prefer the unit-of-work methods, which are.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = Dialect.Provider == DatabaseProvider.SqlServer
            ? new SqlConnection(_connectionString)
            : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (connection is SqliteConnection sqlite)
            {
                await PrepareSqliteAsync(sqlite, ct);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> on an open connection, retrying transient failures.</summary>
    public Task<T> WithConnectionAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _retry.ExecuteAsync(async token =>
        {
            await using var connection = await OpenAsync(token);
            return await work(connection, token);
        }, ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that is committed when it returns and rolled back
    /// when it throws; the whole unit is retried on a transient failure. On SQLite the units of this process
    /// go through one writer that commits them in groups (<see cref="SqliteGroupCommit"/>), each unit in its
    /// own savepoint, under <c>BEGIN IMMEDIATE</c> (the write lock taken up front, so a writer in another process
    /// waits on the busy timeout instead of deadlocking on a read-to-write upgrade). Do not nest transactions:
    /// a unit that starts another waits for itself.
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_sqliteWriter is { } writer)
        {
            return _retry.ExecuteAsync(token => writer.RunAsync(work, token), ct);
        }
        return _retry.ExecuteAsync(async token =>
        {
            await using var connection = await OpenAsync(token);
            await using var transaction = await BeginAsync(connection, token);
            var result = await work(connection, transaction, token);
            await transaction.CommitAsync(token);
            return result;
        }, ct);
    }

    /// <inheritdoc cref="InTransactionAsync{T}"/>
    public Task InTransactionAsync(Func<DbConnection, DbTransaction, CancellationToken, Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InTransactionAsync<bool>(async (connection, transaction, token) =>
        {
            await work(connection, transaction, token);
            return true;
        }, ct);
    }

    internal static async ValueTask<DbTransaction> BeginAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is SqliteConnection sqlite)
        {
            // Explicit rather than the library default: deferred: false is BEGIN IMMEDIATE. Microsoft.Data.Sqlite
            // has no asynchronous I/O; its async methods run synchronously as well.
#pragma warning disable CA1849
            return sqlite.BeginTransaction(deferred: false);
#pragma warning restore CA1849
        }
        return await connection.BeginTransactionAsync(ct);
    }

    private async Task PrepareSqliteAsync(SqliteConnection connection, CancellationToken ct)
    {
        // Per connection: busy_timeout lets SQLite wait inside a step instead of Microsoft.Data.Sqlite's
        // 150 ms polling. Foreign keys are on through the connection string.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA busy_timeout = {(int)_options.BusyTimeout.TotalMilliseconds};";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        // WAL is a property of the file: set it once per process, so readers never block the writer.
        if (Interlocked.Exchange(ref _walChecked, 1) == 0)
        {
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = (string?)await wal.ExecuteScalarAsync(ct);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                LogNoWal(_logger, mode ?? "(none)", connection.DataSource);
            }
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "SQLite database {File} runs in journal mode {Mode}, not WAL: readers will block the writer")]
    private static partial void LogNoWal(ILogger logger, string mode, string file);
}
