using System.Data.Common;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Channels;
using ContactCenter.Contracts.Queues;
using ContactCenter.Messaging.Outbox;
using Dapper;

namespace ContactCenter.Agents.Operations;

/// <summary>
/// The messages an operation leaves in the outbox, inside its transaction: the queue commands for the
/// connector that owns the server, the answer played to the phone, and the events for supervisors.
/// </summary>
internal sealed class OperationMessages(SqlOutbox outbox)
{
    private const string InsertStep = """
        INSERT INTO agent_operation_step (command_id, operation_id, agent_number, server, queue, interface, action, previous_pause_code, status, detail)
        VALUES (@CommandId, @OperationId, @AgentNumber, @Server, @Queue, @Interface, @Action, @PreviousPauseCode, @Status, @Detail)
        """;

    /// <summary>Wakes the outbox publisher after a commit that appended messages.</summary>
    public void Committed() => outbox.Committed();

    /// <summary>Records a step and queues its command for the connector, with the phone's answer when the connector gives it.</summary>
    public async Task SendStepAsync(DbTransaction tx, OperationStep step, string requestedBy, string? pauseCode, int penalty, PhoneAnswer? answer, CancellationToken ct)
    {
        await tx.Connection!.ExecuteAsync(new CommandDefinition(InsertStep, step, tx, cancellationToken: ct));
        await SendCommandAsync(tx, step.AgentNumber, CommandFor(step, requestedBy, pauseCode, penalty, answer), ct);
    }

    /// <summary>
    /// Whether the connector answers the held phone itself, on Asterisk's responses to the step commands (each carries
    /// the <see cref="PhoneAnswer"/>): when there is a phone, at least one step, and every step is on the phone's
    /// server (one connector sees them all). Otherwise the tracker answers once Asterisk's events confirmed the steps.
    /// The planner and the tracker both decide with this, from the same steps, so the phone is answered once.
    /// </summary>
    public static bool ConnectorAnswers(string? channelId, string server, IEnumerable<OperationStep> steps)
    {
        var any = false;
        foreach (var step in steps)
        {
            if (!string.Equals(step.Server, server, StringComparison.Ordinal))
            {
                return false;
            }
            any = true;
        }
        return any && !string.IsNullOrEmpty(channelId);
    }

    /// <summary>Queues a command without a step (compensation, reconciliation): nothing waits for it.</summary>
    public Task SendCommandAsync(DbTransaction tx, string agentNumber, IAsteriskCommand command, CancellationToken ct) =>
        outbox.AppendAsync(tx, [(command, $"agent:{agentNumber}", ConnectorQueue.NameFor(command.Server))], ct);

    /// <summary>Answers a held phone: the prompt, then hang-up.</summary>
    public Task AnswerPhoneAsync(DbTransaction tx, string server, string? channelId, string agentLane, IReadOnlyList<string> prompt, string requestedBy, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(channelId))
        {
            return Task.CompletedTask;
        }
        var command = new PlayAndHangUp(Guid.NewGuid(), server, requestedBy, channelId, prompt);
        return outbox.AppendAsync(tx, [(command, agentLane, ConnectorQueue.NameFor(server))], ct);
    }

    public Task PublishAsync(DbTransaction tx, IContactCenterEvent e, CancellationToken ct) =>
        outbox.AppendAsync(tx, [(e, OutboxSerializer.LaneOf(e), null)], ct);

    /// <summary>Tells supervisors why a request was refused.</summary>
    public Task PublishRefusalAsync(DbTransaction tx, OperationRequest request, string reason, string detail, DateTime now, CancellationToken ct) =>
        PublishAsync(tx, new FeatureCodeRefused(Guid.NewGuid(), request.Server, new DateTimeOffset(now, TimeSpan.Zero), request.Interface,
            request.Code ?? request.Kind, reason, detail, request.AgentNumber), ct);

    /// <summary>The command that carries out a step.</summary>
    public static IAsteriskCommand CommandFor(OperationStep step, string requestedBy, string? pauseCode, int penalty, PhoneAnswer? answer = null) => step.Action switch
    {
        StepAction.Add => new AddQueueMember(step.CommandId, step.Server, requestedBy, step.Queue, step.Interface, step.AgentNumber, step.Interface,
            penalty, pauseCode is not null, pauseCode, answer),
        StepAction.Remove => new RemoveQueueMember(step.CommandId, step.Server, requestedBy, step.Queue, step.Interface, answer),
        StepAction.Pause => new PauseQueueMember(step.CommandId, step.Server, requestedBy, step.Queue, step.Interface, true, pauseCode, answer),
        StepAction.Unpause => new PauseQueueMember(step.CommandId, step.Server, requestedBy, step.Queue, step.Interface, false, null, answer),
        _ => throw new InvalidOperationException($"Unknown step action '{step.Action}'"),
    };
}
