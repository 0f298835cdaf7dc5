using ContactCenter.Data;
using Microsoft.Extensions.Options;

namespace ContactCenter.Worker.Tests.Startup;

/// <summary>A missing or wrong setting stops the worker before it does anything, naming the key.</summary>
public sealed class StartupValidationTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("cc-startup-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<Exception> StartFailureAsync(Dictionary<string, string?> settings, CancellationToken ct)
    {
        try
        {
            await using var app = ContactCenterHost.Build(TestWorker.CreateBuilder(_folder, new CapturingLoggerProvider(), settings));
            await app.StartAsync(ct);
            await app.StopAsync(ct);
        }
        catch (Exception e)
        {
            return e;
        }
        throw new AssertionException("the worker started");
    }

    private static IEnumerable<string> Failures(Exception e) => e switch
    {
        OptionsValidationException o => o.Failures,
        AggregateException a => a.InnerExceptions.SelectMany(Failures),
        _ => [e.Message],
    };

    [Test, CancelAfter(30_000)]
    public async Task An_unknown_role_stops_the_start_naming_Roles(CancellationToken ct)
    {
        var error = await StartFailureAsync(new() { ["Roles"] = "api,dialer" }, ct);

        Assert.That(Failures(error), Is.EqualTo(new[] { "Roles: unknown role 'dialer'; known roles: connector, agents, outbound, calls, api" }));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_wrong_database_provider_stops_the_start_naming_the_key(CancellationToken ct)
    {
        var error = await StartFailureAsync(new() { ["Database:Provider"] = "Oracle" }, ct);

        Assert.That(Failures(error), Has.Some.StartsWith("Database:Provider:"));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_key_without_a_valid_hash_stops_the_start_naming_the_key(CancellationToken ct)
    {
        var error = await StartFailureAsync(new() { ["Api:Keys:1:Hash"] = "secret-in-clear" }, ct);

        Assert.That(Failures(error), Has.Some.StartsWith("Api:Keys:1:Hash:"));
    }

    [Test, CancelAfter(30_000)]
    public async Task RabbitMQ_without_credentials_stops_the_start_naming_each_key(CancellationToken ct)
    {
        var error = await StartFailureAsync(new() { ["Bus:Transport"] = "RabbitMq" }, ct);

        Assert.That(Failures(error).Select(f => f.Split(':')[..3]).Select(p => string.Join(":", p)),
            Is.EquivalentTo(new[] { "Bus:RabbitMq:Username", "Bus:RabbitMq:Password" }));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_schema_behind_with_MigrateOnStart_off_stops_the_start_naming_the_migrate_command(CancellationToken ct)
    {
        var error = await StartFailureAsync(new() { ["Database:MigrateOnStart"] = "false" }, ct);

        Assert.That(error, Is.TypeOf<MigrationException>());
        Assert.That(error.Message, Does.Contain("0001_processed_message").And.Contain("ContactCenter.Worker migrate"));
    }

    [Test, CancelAfter(30_000)]
    public async Task The_process_prints_configuration_errors_and_exits_2(CancellationToken ct)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = await Program.Main(["--Roles=dialer", $"--Database:ConnectionString={Path.Combine(_folder, "x.db")}"]).WaitAsync(ct);

            Assert.That(exit, Is.EqualTo(2));
        }
        finally
        {
            Console.SetError(original);
        }
        Assert.That(error.ToString(), Does.Contain("Configuration error").And.Contain("Roles: unknown role 'dialer'"));
    }
}
