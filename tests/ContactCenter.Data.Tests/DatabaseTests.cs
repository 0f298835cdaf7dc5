using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Data.Tests;

public sealed class DatabaseTests
{
    [Test, CancelAfter(30_000)]
    public async Task SQLite_connections_run_in_WAL_mode_with_foreign_keys_and_the_busy_timeout(CancellationToken ct)
    {
        using var db = new TempDatabase();

        var (mode, foreignKeys, busy) = await db.Database.WithConnectionAsync(async (c, token) => (
            await c.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode", cancellationToken: token)),
            await c.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA foreign_keys", cancellationToken: token)),
            await c.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA busy_timeout", cancellationToken: token))), ct);

        Assert.That(mode, Is.EqualTo("wal"));
        Assert.That(foreignKeys, Is.EqualTo(1));
        Assert.That(busy, Is.EqualTo(1000));
    }

    [Test, CancelAfter(30_000)]
    public async Task The_paging_clause_pages_on_SQLite(CancellationToken ct)
    {
        using var db = new TempDatabase();
        const string Query = "SELECT value FROM (SELECT 1 AS value UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) ORDER BY value";

        var page = await db.Database.WithConnectionAsync((c, token) =>
            c.QueryAsync<long>(new CommandDefinition(db.Database.Dialect.Paged(Query), new { Offset = 1, Limit = 2 }, cancellationToken: token)), ct);

        Assert.That(page, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(SqlDialect.SqlServer.Paged("SELECT a FROM t ORDER BY a"), Is.EqualTo("SELECT a FROM t ORDER BY a OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY"));
    }

    [Test]
    public void An_unknown_provider_is_refused_naming_the_key()
    {
        var errors = new DatabaseOptions { Provider = "Postgres" }.Validate();

        Assert.That(errors, Is.EqualTo(new[] { "Database:Provider: must be Sqlite or SqlServer, was 'Postgres'" }));
    }

    [TestCase("Sqlite", "")]
    [TestCase("SqlServer", " ")]
    public void A_missing_connection_string_is_refused_naming_the_key(string provider, string connectionString)
    {
        var errors = new DatabaseOptions { Provider = provider, ConnectionString = connectionString }.Validate();

        Assert.That(errors, Has.Exactly(1).StartsWith("Database:ConnectionString: is required"));
    }

    [Test]
    public void A_SQL_Server_connection_string_with_a_bad_keyword_is_refused_without_showing_the_password()
    {
        var errors = new DatabaseOptions { Provider = "SqlServer", ConnectionString = "Server=db;Password=Sup3rSecret;Colour=blue" }.Validate();

        Assert.That(errors, Has.Exactly(1).StartsWith("Database:ConnectionString: is not a valid SQL Server connection string"));
        Assert.That(errors[0], Does.Not.Contain("Sup3rSecret"));
    }

    [Test]
    public void Passwords_are_redacted_from_what_may_be_logged()
    {
        var options = new DatabaseOptions { Provider = "SqlServer", ConnectionString = "Server=db;User ID=cc;Password=Sup3rSecret;Database=center" };

        Assert.That(options.Validate(), Is.Empty);
        Assert.That(options.RedactedConnectionString, Does.Not.Contain("Sup3rSecret").And.Contain("password=***").IgnoreCase.And.Contain("db"));
        Assert.That(new DatabaseOptions { ConnectionString = "Data Source=x.db;Pwd=hidden" }.RedactedConnectionString, Does.Not.Contain("hidden"));
        Assert.That(new DatabaseOptions { ConnectionString = "center.db" }.RedactedConnectionString, Is.EqualTo("center.db"));
    }

    [Test]
    public void Migrations_run_at_start_by_default_on_SQLite_only()
    {
        Assert.That(new DatabaseOptions { Provider = "Sqlite" }.ShouldMigrateOnStart, Is.True);
        Assert.That(new DatabaseOptions { Provider = "SqlServer", ConnectionString = "Server=db" }.ShouldMigrateOnStart, Is.False);
        Assert.That(new DatabaseOptions { Provider = "SqlServer", ConnectionString = "Server=db", MigrateOnStart = true }.ShouldMigrateOnStart, Is.True);
    }

    [Test]
    public void Bad_settings_stop_the_container_naming_each_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = "x.db",
            ["Database:Retry:MaxAttempts"] = "0",
            ["Database:BusyTimeout"] = "00:00:00.1",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddContactCenterData(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<DatabaseOptions>>().Value)!;

        Assert.That(error.Failures, Has.Some.StartsWith("Database:Retry:MaxAttempts:").And.Some.StartsWith("Database:BusyTimeout:"));
    }
}
