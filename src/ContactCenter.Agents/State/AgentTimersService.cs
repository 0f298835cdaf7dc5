using ContactCenter.Agents.Operations;
using ContactCenter.Contracts.Agents;
using ContactCenter.Data;
using ContactCenter.Messaging.Outbox;
using Dapper;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Agents.State;

/// <summary>
/// What happens with time and no event: a wrap-up running out (the agent becomes available again) and an
/// operation nobody confirmed in time (failed and undone). Every worker runs it; each change is claimed
/// with a conditional UPDATE, so only one worker records it.
/// </summary>
internal sealed class AgentTimersService(Database database, AgentStateRecorder states, OperationTracker tracker, SqlOutbox outbox, AgentsOptions options, TimeProvider time)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);

    // Phone operations are timed out by the connector (FeatureCodeTimedOut); this catches them only if that never came.
    private static readonly TimeSpan PhoneGrace = TimeSpan.FromSeconds(30);

    private const string ExpiredWrapUps = "SELECT agent_number FROM agent_status WHERE state = 'wrap-up' AND wrapup_until <= @Now";
    private const string ClaimWrapUp = "UPDATE agent_status SET wrapup_until = NULL WHERE agent_number = @AgentNumber AND wrapup_until IS NOT NULL AND wrapup_until <= @Now";
    private const string StaleOperations = """
        SELECT id FROM agent_operation WHERE status = 'pending' AND
            ((channel_id IS NULL AND answer_by < @Now) OR (channel_id IS NOT NULL AND answer_by < @PhoneCutoff))
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await EndWrapUpsAsync(stoppingToken);
            await TimeOutOperationsAsync(stoppingToken);
        }
    }

    internal async Task EndWrapUpsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var agents = await database.WithConnectionAsync(async (c, token) =>
            (await c.QueryAsync<string>(new CommandDefinition(ExpiredWrapUps, new { Now = now }, cancellationToken: token))).ToList(), ct);
        foreach (var agent in agents)
        {
            var ended = await database.InTransactionAsync(async (c, tx, token) =>
            {
                if (await c.ExecuteAsync(new CommandDefinition(ClaimWrapUp, new { AgentNumber = agent, Now = now }, tx, cancellationToken: token)) != 1)
                {
                    return false;
                }
                await states.RecomputeAsync(tx, agent, AgentStateSource.Asterisk, "wrap-up over", now, token);
                return true;
            }, ct);
            if (ended)
            {
                outbox.Committed();
            }
        }
    }

    internal async Task TimeOutOperationsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = await database.WithConnectionAsync(async (c, token) =>
            (await c.QueryAsync<Guid>(new CommandDefinition(StaleOperations, new { Now = now, PhoneCutoff = now - PhoneGrace }, cancellationToken: token))).ToList(), ct);
        foreach (var id in stale)
        {
            var undone = await database.InTransactionAsync((_, tx, token) =>
                tracker.TimeOutAsync(tx, id, $"Asterisk did not confirm within {options.OperationTimeout.TotalSeconds:0} s", now, token), ct);
            if (undone)
            {
                outbox.Committed();
            }
        }
    }
}
