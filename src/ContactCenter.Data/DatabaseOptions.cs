using Microsoft.Data.SqlClient;

namespace ContactCenter.Data;

/// <summary>
/// The <c>Database</c> configuration section. The connection string may carry a password: it comes from
/// configuration or the environment and is never logged (see <see cref="RedactedConnectionString"/>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>
    /// SQLite: a file path (<c>contactcenter.db</c>) or a connection string (<c>Data Source=…</c>).
    /// SQL Server: an ADO.NET connection string.
    /// </summary>
    public string ConnectionString { get; set; } = "contactcenter.db";

    /// <summary>Apply pending migrations when the worker starts. Default: true for SQLite, false for SQL Server.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>SQLite only: how long a statement waits for another writer before failing with BUSY.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>SQL Server only: how long <c>migrate</c> waits for another instance that is migrating.</summary>
    public TimeSpan MigrationLockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public DatabaseRetryOptions Retry { get; set; } = new();

    /// <summary>The parsed <see cref="Provider"/>; call <see cref="Validate"/> first.</summary>
    public DatabaseProvider ProviderKind =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var kind) ? kind : throw new InvalidOperationException($"{Section}:Provider: unknown provider");

    /// <summary>Whether migrations run at start, with the provider's default applied.</summary>
    public bool ShouldMigrateOnStart => MigrateOnStart ?? ProviderKind == DatabaseProvider.Sqlite;

    /// <summary>The connection string with any password replaced, safe for logs and error messages.</summary>
    public string RedactedConnectionString => ConnectionStrings.Redact(ConnectionString);

    /// <summary>Every problem found, each naming its key; empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate(string section = Section)
    {
        var errors = new List<string>();
        if (!Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var provider) || int.TryParse(Provider, out _))
        {
            errors.Add($"{section}:Provider: must be Sqlite or SqlServer, was '{Provider}'");
            return errors;
        }
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add($"{section}:ConnectionString: is required (SQLite: a file path; SQL Server: a connection string)");
        }
        else if (provider == DatabaseProvider.SqlServer)
        {
            try
            {
                var builder = new SqlConnectionStringBuilder(ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.DataSource))
                {
                    errors.Add($"{section}:ConnectionString: names no server (Data Source / Server)");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                // The parser's message names the offending keyword, never a value.
                errors.Add($"{section}:ConnectionString: is not a valid SQL Server connection string ({e.Message})");
            }
        }
        else if (!ConnectionStrings.TryBuildSqlite(ConnectionString, BusyTimeout, out _, out var why))
        {
            errors.Add($"{section}:ConnectionString: {why}");
        }
        if (BusyTimeout < TimeSpan.FromSeconds(1) || BusyTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{section}:BusyTimeout: must be between 00:00:01 and 00:05:00, was {BusyTimeout}");
        }
        if (MigrationLockTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{section}:MigrationLockTimeout: must be at least one second, was {MigrationLockTimeout}");
        }
        errors.AddRange(Retry.Validate($"{section}:Retry"));
        return errors;
    }
}

/// <summary>The <c>Database:Retry</c> section: how transient failures (locked file, dropped connection, deadlock) are retried.</summary>
public sealed class DatabaseRetryOptions
{
    /// <summary>Attempts in all, the first included; 1 disables retrying.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first backoff; it doubles per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    internal IEnumerable<string> Validate(string section)
    {
        if (MaxAttempts is < 1 or > 50)
        {
            yield return $"{section}:MaxAttempts: must be 1-50, was {MaxAttempts}";
        }
        if (BaseDelay <= TimeSpan.Zero)
        {
            yield return $"{section}:BaseDelay: must be positive, was {BaseDelay}";
        }
        if (MaxDelay < BaseDelay)
        {
            yield return $"{section}:MaxDelay: must not be shorter than BaseDelay ({BaseDelay})";
        }
    }
}
