using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Data;

/// <summary>Connection string handling that must never leak a password.</summary>
internal static class ConnectionStrings
{
    private static readonly string[] SecretKeys = ["password", "pwd"];

    /// <summary>The string with every password value replaced by <c>***</c>; unparsable input is hidden whole.</summary>
    public static string Redact(string connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in builder.Keys.Cast<string>().ToList())
            {
                if (SecretKeys.Contains(key.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    builder[key] = "***";
                }
            }
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            // A bare SQLite path has no '=' and parses as nothing; anything else unparsable might hold a secret.
            return connectionString.Contains('=', StringComparison.Ordinal) ? "(unparsable connection string hidden)" : connectionString;
        }
    }

    /// <summary>
    /// SQLite accepts a plain file path or a connection string. Microsoft.Data.Sqlite retries BUSY inside a
    /// command for <c>Default Timeout</c> seconds, so that timeout is set from <c>Database:BusyTimeout</c>:
    /// after it, BUSY surfaces and the retry policy takes over with backoff and logging.
    /// </summary>
    public static bool TryBuildSqlite(string value, TimeSpan busyTimeout, out string connectionString, out string why)
    {
        connectionString = string.Empty;
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = value.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(value)
                : new SqliteConnectionStringBuilder { DataSource = value.Trim() };
        }
        catch (ArgumentException e)
        {
            why = $"is not a valid SQLite connection string ({e.Message})";
            return false;
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            why = "names no file (Data Source)";
            return false;
        }
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));
        builder.ForeignKeys = true;
        connectionString = builder.ToString();
        why = string.Empty;
        return true;
    }
}
