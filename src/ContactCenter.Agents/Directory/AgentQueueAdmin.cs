using ContactCenter.Data;
using Dapper;

namespace ContactCenter.Agents.Directory;

/// <summary>What linking an agent to a queue did.</summary>
internal enum LinkOutcome
{
    Created,
    Updated,
    UnknownAgent,
    UnknownQueue,
}

/// <summary>
/// Which queues each agent logs in to (<c>**1</c> logs in to all of them), with the penalty Asterisk orders members by.
/// A change applies from the agent's next login; memberships already in Asterisk stay as they are.
/// </summary>
internal sealed class AgentQueueAdmin(Database database)
{
    private const string Columns = "agent_number AS AgentNumber, server AS Server, queue AS Queue, penalty AS Penalty";
    private const string SelectForAgent = $"SELECT {Columns} FROM agent_queue WHERE agent_number = @AgentNumber ORDER BY server, queue";
    private const string SelectOne = $"SELECT {Columns} FROM agent_queue WHERE agent_number = @AgentNumber AND server = @Server AND queue = @Queue";
    private const string AgentExists = "SELECT COUNT(*) FROM agent WHERE agent_number = @AgentNumber";
    private const string QueueExists = "SELECT COUNT(*) FROM queue WHERE server = @Server AND name = @Queue";
    private const string Update = "UPDATE agent_queue SET penalty = @Penalty WHERE agent_number = @AgentNumber AND server = @Server AND queue = @Queue";
    private const string Insert = "INSERT INTO agent_queue (agent_number, server, queue, penalty) VALUES (@AgentNumber, @Server, @Queue, @Penalty)";
    private const string SelectMembership = "SELECT COUNT(*) FROM agent_membership WHERE agent_number = @AgentNumber AND server = @Server AND queue = @Queue";
    private const string Delete = "DELETE FROM agent_queue WHERE agent_number = @AgentNumber AND server = @Server AND queue = @Queue";

    /// <summary>The agent's links; null when there is no such agent.</summary>
    public Task<IReadOnlyList<AgentQueueLink>?> ListAsync(string agentNumber, CancellationToken ct) =>
        database.WithConnectionAsync<IReadOnlyList<AgentQueueLink>?>(async (c, token) =>
        {
            var args = new { AgentNumber = agentNumber };
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(AgentExists, args, cancellationToken: token)) == 0)
            {
                return null;
            }
            return (await c.QueryAsync<AgentQueueLink>(new CommandDefinition(SelectForAgent, args, cancellationToken: token))).ToList();
        }, ct);

    public Task<(LinkOutcome Outcome, AgentQueueLink? Link)> UpsertAsync(AgentQueueLink link, CancellationToken ct) =>
        database.InTransactionAsync<(LinkOutcome, AgentQueueLink?)>(async (c, tx, token) =>
        {
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(AgentExists, link, tx, cancellationToken: token)) == 0)
            {
                return (LinkOutcome.UnknownAgent, null);
            }
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(QueueExists, link, tx, cancellationToken: token)) == 0)
            {
                return (LinkOutcome.UnknownQueue, null);
            }
            var created = await DirectoryWrite.UpsertAsync(tx, database.Dialect, Update, Insert, link, token);
            var saved = await c.QuerySingleAsync<AgentQueueLink>(new CommandDefinition(SelectOne, link, tx, cancellationToken: token));
            return (created ? LinkOutcome.Created : LinkOutcome.Updated, saved);
        }, ct);

    /// <summary>
    /// Unlinks the agent from the queue, unless the agent is logged in to it: the link is what makes the membership
    /// the center's, so the agent logs out of the queue first.
    /// </summary>
    public Task<DeleteResult> DeleteAsync(string agentNumber, string server, string queue, CancellationToken ct) =>
        database.InTransactionAsync(async (c, tx, token) =>
        {
            var args = new { AgentNumber = agentNumber, Server = server, Queue = queue };
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(SelectMembership, args, tx, cancellationToken: token)) > 0)
            {
                return new DeleteResult(DeleteOutcome.InUse, $"agent {agentNumber} is logged in to queue {queue} on {server}: log the agent out of it first");
            }
            return await c.ExecuteAsync(new CommandDefinition(Delete, args, tx, cancellationToken: token)) == 0 ? DeleteResult.NotFound : DeleteResult.Deleted;
        }, ct);
}
