using System.Text.Json;
using ContactCenter.Agents.Operations;
using ContactCenter.Contracts.Agents;
using ContactCenter.Data;
using ContactCenter.Messaging.Outbox;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Agents.Tests.Operations;

/// <summary>The planner on a real SQLite file, without a bus: what it leaves in the outbox and whom it tells.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class OperationPlannerTests
{
    private const string Server = "pbx1";
    private MigratedDatabase _database = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task SetUp()
    {
        _database = await MigratedDatabase.CreateAsync("cc-planner-", (services, configuration) => services.AddAgentsModule(configuration));
        _services = _database.Services;
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
    public async Task TearDown() => await _database.DisposeAsync();

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

    [Test]
    public async Task A_phone_login_carries_the_phone_answer_on_its_queue_command_and_Asterisk_confirming_it_sends_no_second_answer()
    {
        var request = PhoneLogin("210");
        var database = _services.GetRequiredService<Database>();

        await _services.GetRequiredService<OperationPlanner>().StartAsync(request, CancellationToken.None);
        var planned = await OutboxAsync();
        await database.InTransactionAsync((_, tx, ct) => _services.GetRequiredService<State.MembershipRecorder>().OnPresentAsync(tx, Server,
            new Contracts.Queues.QueueMember("support", "PJSIP/6001", "210", "PJSIP/6001", 0, false, string.Empty, 1, false, 0, true),
            StepAction.Add, DateTime.UtcNow, ct), CancellationToken.None);
        var afterConfirmation = (await OutboxAsync()).Skip(planned.Count).ToList();

        var add = planned.Single(m => m.Type.EndsWith(".AddQueueMember", StringComparison.Ordinal));
        var answer = Property(JsonDocument.Parse(add.Payload).RootElement, "answer");
        Assert.That((Property(answer, "channelId").GetString(), Property(answer, "operationId").GetGuid(), Property(answer, "steps").GetInt32()),
            Is.EqualTo((request.ChannelId, request.Id, 1)));
        Assert.That(Property(answer, "onSuccess").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "sound:agent-loginok" }));
        Assert.That(planned.Concat(afterConfirmation).Select(m => m.Type), Has.None.EndsWith(".PlayAndHangUp"), "the connector answers the phone");
        Assert.That(afterConfirmation.Select(m => m.Type), Has.Some.EndsWith(".AgentLoggedIn"), "the operation completed on Asterisk's event");
    }

    [Test]
    public async Task A_web_login_has_no_phone_to_answer_so_its_queue_command_carries_no_answer()
    {
        var request = PhoneLogin("210") with { ChannelId = null, Source = AgentStateSource.Web, RequestedBy = "web:test" };

        await _services.GetRequiredService<OperationPlanner>().StartAsync(request, CancellationToken.None);

        var add = (await OutboxAsync()).Single(m => m.Type.EndsWith(".AddQueueMember", StringComparison.Ordinal));
        Assert.That(Property(JsonDocument.Parse(add.Payload).RootElement, "answer").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    private async Task<List<StoredMessage>> OutboxAsync() => (await _services.GetRequiredService<Database>().WithConnectionAsync(
        (c, ct) => c.QueryAsync<StoredMessage>(new CommandDefinition("SELECT type AS Type, payload AS Payload FROM outbox_message ORDER BY seq", cancellationToken: ct)),
        CancellationToken.None)).ToList();

    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    private sealed record StoredMessage(string Type, string Payload);
}
