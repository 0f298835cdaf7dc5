using ContactCenter.Agents.Reconciliation;
using ContactCenter.Agents.State;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Queues;
using Dapper;
using MassTransit;

namespace ContactCenter.Agents.Consumers;

/// <summary>After a connector resync: correct the agents' records to Asterisk's membership.</summary>
internal sealed class QueueMembershipSnapshotConsumer(ConsumerTransaction transaction, MembershipReconciler reconciler) : IConsumer<QueueMembershipSnapshot>
{
    public Task Consume(ConsumeContext<QueueMembershipSnapshot> context) =>
        transaction.RunAsync(nameof(QueueMembershipSnapshotConsumer), context.Message.EventId,
            (tx, now, ct) => reconciler.ReconcileAsync(tx, context.Message, now, ct), context.CancellationToken);
}

/// <summary>A call was answered by an agent's phone: counted for the agent's statistics; a queue call leads to wrap-up.</summary>
internal sealed class CallAnsweredConsumer(ConsumerTransaction transaction) : IConsumer<CallAnswered>
{
    private const string AgentAt = "SELECT agent_number FROM agent_status WHERE server = @Server AND interface = @Interface";

    private const string InsertCall = """
        INSERT INTO agent_call (agent_number, linkedid, answered_at, queue)
        SELECT @AgentNumber, @Linkedid, @AnsweredAt, @Queue WHERE NOT EXISTS (SELECT 1 FROM agent_call WHERE agent_number = @AgentNumber AND linkedid = @Linkedid)
        """;

    private const string RememberCall = "UPDATE agent_status SET linkedid = @Linkedid, last_queue = @Queue WHERE agent_number = @AgentNumber";

    public Task Consume(ConsumeContext<CallAnswered> context) =>
        transaction.RunAsync(nameof(CallAnsweredConsumer), context.Message.EventId, async (tx, _, ct) =>
        {
            var e = context.Message;
            var agent = await tx.Connection!.QuerySingleOrDefaultAsync<string>(new CommandDefinition(AgentAt, new { e.Server, Interface = e.AnsweredBy }, tx, cancellationToken: ct));
            if (agent is null)
            {
                return;
            }
            var call = new { AgentNumber = agent, e.Linkedid, AnsweredAt = e.OccurredAt.UtcDateTime, e.Queue };
            await tx.Connection!.ExecuteAsync(new CommandDefinition(InsertCall, call, tx, cancellationToken: ct));
            await tx.Connection!.ExecuteAsync(new CommandDefinition(RememberCall, call, tx, cancellationToken: ct));
        }, context.CancellationToken);
}
