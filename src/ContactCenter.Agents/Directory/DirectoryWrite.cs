using System.Data.Common;
using ContactCenter.Data;
using Dapper;

namespace ContactCenter.Agents.Directory;

/// <summary>The portable upsert the directory classes share: no MERGE or ON CONFLICT, which differ between the engines.</summary>
internal static class DirectoryWrite
{
    /// <summary>
    /// Updates the row, or inserts it when there is none; true when it was inserted. Two writers creating the
    /// same key at once both find nothing to update on SQL Server (SQLite serializes writers up front): the
    /// second insert fails on the primary key and becomes an update of the row the first one wrote.
    /// </summary>
    public static async Task<bool> UpsertAsync(DbTransaction tx, SqlDialect dialect, string update, string insert, object args, CancellationToken ct)
    {
        var connection = tx.Connection!;
        if (await connection.ExecuteAsync(new CommandDefinition(update, args, tx, cancellationToken: ct)) > 0)
        {
            return false;
        }
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(insert, args, tx, cancellationToken: ct));
            return true;
        }
        catch (DbException e) when (dialect.IsUniqueViolation(e))
        {
            await connection.ExecuteAsync(new CommandDefinition(update, args, tx, cancellationToken: ct));
            return false;
        }
    }
}
