using ContactCenter.Agents.Operations;
using ContactCenter.Contracts.Agents;
using ContactCenter.Data;
using ContactCenter.Messaging.Outbox;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Agents.Tests.Operations;

/// <summary>The planner on a real SQLite file, without a bus: what it leaves in the outbox and whom it tells.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class OperationPlannerTests
{
    private const string Server = "pbx1";
    private string _folder = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task SetUp()
    {
        _folder = System.IO.Directory.CreateTempSubdirectory("cc-planner-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = Path.Combine(_folder, "center.db") })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddContactCenterData(configuration);
        services.AddAgentsModule(configuration);
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
        await _services.GetRequiredService<Database>().InTransactionAsync(async (c, tx, ct) =>
        {
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO agent (agent_number, name, pin_hash, active, created_at) VALUES ('210', 'Ana', NULL, 1, @Now)",
                new { Now = DateTime.UtcNow }, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO extension (interface, server, description) VALUES ('PJSIP/6001', @Server, '')", new { Server }, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO queue (server, name, display_name, wrapup_seconds) VALUES (@Server, 'support', 'Support', 0)",
                new { Server }, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO agent_queue (agent_number, server, queue, penalty) VALUES ('210', @Server, 'support', 0)",
                new { Server }, tx, cancellationToken: ct));
        }, CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private static OperationRequest PhoneLogin(string agent) => new(Guid.NewGuid(), OperationKind.Login, Server, agent, "PJSIP/6001", null, null,
        AgentStateSource.Phone, "phone:PJSIP/6001", "1795289065.7", "**1" + agent, DateTime.UtcNow.AddSeconds(2));

    [TestCase("210", false, TestName = "A_planned_login_wakes_the_outbox_publisher_instead_of_leaving_its_command_to_the_idle_poll")]
    [TestCase("999", true, TestName = "A_refused_login_wakes_the_outbox_publisher_instead_of_leaving_its_prompt_to_the_idle_poll")]
    public async Task Starting_an_operation_wakes_the_outbox_publisher(string agent, bool refused)
    {
        var planner = _services.GetRequiredService<OperationPlanner>();
        var outbox = _services.GetRequiredService<SqlOutbox>();
        Assert.That(await outbox.WaitForWorkAsync(TimeSpan.Zero, CancellationToken.None), Is.False, "nothing woke it before");

        var start = await planner.StartAsync(PhoneLogin(agent), CancellationToken.None);

        Assert.That(start.Refused, Is.EqualTo(refused));
        Assert.That(await _services.GetRequiredService<Database>().WithConnectionAsync(
            (c, ct) => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM outbox_message", cancellationToken: ct)), CancellationToken.None), Is.GreaterThan(0));
        Assert.That(await outbox.WaitForWorkAsync(TimeSpan.Zero, CancellationToken.None), Is.True, "the publisher was woken");
    }
}
