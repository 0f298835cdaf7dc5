using Microsoft.Data.Sqlite;

namespace ContactCenter.Worker.Tests.Startup;

public sealed class MigrateCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("cc-migrate-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(string[] args, CancellationToken ct)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await Program.Main(args).WaitAsync(ct);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    [Test, CancelAfter(60_000)]
    public async Task Migrate_applies_the_migrations_exits_0_and_is_a_no_op_the_second_time(CancellationToken ct)
    {
        var path = Path.Combine(_folder, "center.db");

        var first = await RunAsync(["migrate", $"--Database:ConnectionString={path}"], ct);
        var second = await RunAsync(["migrate", $"--Database:ConnectionString={path}"], ct);

        Assert.That(first.Exit, Is.Zero, first.Error);
        Assert.That(first.Out, Does.Contain("Sqlite schema migrated: 0001_processed_message"));
        Assert.That(second.Exit, Is.Zero, second.Error);
        Assert.That(second.Out, Does.Contain("Sqlite schema already up to date"));
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(ct);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM schema_journal";
        var embedded = typeof(ContactCenter.Data.Database).Assembly.GetManifestResourceNames().Count(n => n.StartsWith("Migrations/Sqlite/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal));
        Assert.That(embedded, Is.GreaterThan(0));
        Assert.That(await count.ExecuteScalarAsync(ct), Is.EqualTo((long)embedded), "every embedded SQLite script applied once");
    }

    [Test, CancelAfter(60_000)]
    public async Task Migrate_with_a_bad_setting_exits_2_naming_the_key(CancellationToken ct)
    {
        var result = await RunAsync(["migrate", "--Database:Provider=SqlServer", "--Database:ConnectionString=Server=db;Password=hunter2;Bogus=1"], ct);

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("Database:ConnectionString:").And.Not.Contain("hunter2"));
    }
}
