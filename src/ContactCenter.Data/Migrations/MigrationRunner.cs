using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Data;

/// <summary>
/// Brings the schema up to date with the forward-only scripts embedded in this assembly, each in its own
/// transaction, journaled in <c>schema_journal</c> (script id, checksum, applied_at UTC). A script already
/// applied whose text changed stops everything: never edit an applied script, add the next number.
/// Two workers starting together are safe: each script is applied under the migration lock (SQLite
/// <c>BEGIN IMMEDIATE</c>, SQL Server <c>sp_getapplock</c>) after re-reading the journal.
/// </summary>
public sealed partial class MigrationRunner
{
    private const string SelectJournalSql = "SELECT script_id AS ScriptId, checksum AS Checksum FROM schema_journal";
    private const string SelectChecksumSql = "SELECT checksum FROM schema_journal WHERE script_id = @ScriptId";
    private const string InsertJournalSql = "INSERT INTO schema_journal (script_id, checksum, applied_at) VALUES (@ScriptId, @Checksum, @AppliedAt)";

    private readonly Database _database;
    private readonly MigrationScriptSet _scripts;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public MigrationRunner(Database database, ILogger<MigrationRunner> logger, TimeProvider time)
        : this(database, MigrationScriptSet.Embedded, logger, time)
    {
    }

    internal MigrationRunner(Database database, MigrationScriptSet scripts, ILogger logger, TimeProvider time)
    {
        _database = database;
        _scripts = scripts;
        _logger = logger;
        _time = time;
    }

    /// <summary>Applies every pending script; returns the ids applied by this call (empty when up to date).</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken ct)
    {
        var scripts = _scripts.For(_database.Dialect);
        await _database.InTransactionAsync(async (connection, transaction, token) =>
        {
            await LockAsync(connection, transaction, token);
            await connection.ExecuteAsync(new CommandDefinition(_database.Dialect.JournalDdl, transaction: transaction, cancellationToken: token));
        }, ct);

        var pending = await PendingAsync(ct);
        var applied = new List<string>();
        foreach (var script in scripts.Where(s => pending.Contains(s.Id)))
        {
            var started = Stopwatch.GetTimestamp();
            if (await _database.InTransactionAsync((connection, transaction, token) => ApplyOneAsync(connection, transaction, script, token), ct))
            {
                applied.Add(script.Id);
                LogApplied(_logger, script.Id, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        LogUpToDate(_logger, _database.Dialect.Provider, scripts.Count, applied.Count);
        return applied;
    }

    /// <summary>
    /// The ids of the scripts not applied yet, in order. Throws when an applied script was edited.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct)
    {
        var scripts = _scripts.For(_database.Dialect);
        var journal = await _database.WithConnectionAsync(async (connection, token) =>
        {
            var exists = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(_database.Dialect.JournalExistsSql, cancellationToken: token));
            return exists is null
                ? []
                : (await connection.QueryAsync<JournalRow>(new CommandDefinition(SelectJournalSql, cancellationToken: token))).ToList();
        }, ct);

        var known = scripts.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var row in journal)
        {
            if (known.TryGetValue(row.ScriptId, out var script))
            {
                EnsureUnchanged(script, row.Checksum);
            }
            else
            {
                LogUnknownScript(_logger, row.ScriptId);
            }
        }
        var applied = journal.Select(r => r.ScriptId).ToHashSet(StringComparer.Ordinal);
        return scripts.Where(s => !applied.Contains(s.Id)).Select(s => s.Id).ToList();
    }

    private async Task<bool> ApplyOneAsync(DbConnection connection, DbTransaction transaction, MigrationScript script, CancellationToken ct)
    {
        await LockAsync(connection, transaction, ct);
        // Another worker may have applied it while this one waited for the lock.
        var checksum = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectChecksumSql, new { ScriptId = script.Id }, transaction, cancellationToken: ct));
        if (checksum is not null)
        {
            EnsureUnchanged(script, checksum);
            return false;
        }
        var batches = _database.Dialect.Provider == DatabaseProvider.SqlServer ? SqlBatches.Split(script.Text) : [script.Text];
        foreach (var batch in batches)
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, cancellationToken: ct));
            }
            catch (DbException e) when (!_database.Dialect.IsTransient(e))
            {
                throw new MigrationException($"Migration {script.ResourceName} failed and was rolled back: {e.Message}", e);
            }
        }
        await connection.ExecuteAsync(new CommandDefinition(InsertJournalSql,
            new { ScriptId = script.Id, script.Checksum, AppliedAt = _time.GetUtcNow().UtcDateTime }, transaction, cancellationToken: ct));
        return true;
    }

    private async Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        if (_database.Dialect.MigrationLockSql is not { } lockSql)
        {
            return;
        }
        var timeout = _database.LockTimeout;
        var result = await connection.ExecuteScalarAsync<int>(new CommandDefinition(lockSql, new { LockTimeoutMs = (int)timeout.TotalMilliseconds }, transaction,
            commandTimeout: (int)timeout.TotalSeconds + 30, cancellationToken: ct));
        if (result < 0)
        {
            var why = result switch
            {
                -1 => "timed out",
                -2 => "was canceled",
                -3 => "was chosen as a deadlock victim",
                _ => "was refused (parameter or call error)",
            };
            throw new MigrationException($"The migration lock (sp_getapplock) {why}, code {result}; another worker may be migrating: retry, or raise Database:MigrationLockTimeout");
        }
    }

    private static void EnsureUnchanged(MigrationScript script, string journaledChecksum)
    {
        if (!string.Equals(script.Checksum, journaledChecksum.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new MigrationException(
                $"Migration {script.Id} ({script.ResourceName}) was applied with checksum {journaledChecksum.Trim()} but its text now hashes to {script.Checksum}: " +
                "never edit an applied script; restore it and add the change as the next numbered script");
        }
    }

    private sealed record JournalRow(string ScriptId, string Checksum);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Applied migration {ScriptId} in {ElapsedMs} ms")]
    private static partial void LogApplied(ILogger logger, string scriptId, long elapsedMs);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information, Message = "{Provider} schema up to date: {Known} scripts known, {Applied} applied now")]
    private static partial void LogUpToDate(ILogger logger, DatabaseProvider provider, int known, int applied);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning,
        Message = "The journal lists migration {ScriptId}, which this build does not know: a newer version migrated this database")]
    private static partial void LogUnknownScript(ILogger logger, string scriptId);
}
