using System.Data.Common;
using ContactCenter.Agents.Directory;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Commands;
using Dapper;

namespace ContactCenter.Agents.Operations;

/// <summary>
/// Follows operations to their end, inside the consumer's transaction. A step is confirmed by Asterisk's own
/// event (QueueMemberAdded…) or by a command result that says the intent already held ("already there",
/// "not there"); it fails when the command failed. The operation completes once — claimed with a conditional
/// UPDATE, so two workers confirming the last two steps at once cannot both answer the phone. A failed or
/// timed-out operation is undone (every step reversed): nothing half-done remains.
/// </summary>
internal sealed class OperationTracker(OperationMessages messages, AgentsOptions options)
{
    private const string SelectPendingSteps = """
        SELECT command_id AS CommandId, operation_id AS OperationId FROM agent_operation_step
        WHERE server = @Server AND queue = @Queue AND interface = @Interface AND action = @Action AND status = 'pending'
        """;

    private const string SetStepStatus = "UPDATE agent_operation_step SET status = @Status, detail = @Detail WHERE command_id = @CommandId AND status = 'pending'";

    private const string SelectStep = """
        SELECT command_id AS CommandId, operation_id AS OperationId, agent_number AS AgentNumber, server AS Server, queue AS Queue, interface AS Interface,
               action AS Action, previous_pause_code AS PreviousPauseCode, status AS Status, detail AS Detail
        FROM agent_operation_step WHERE command_id = @CommandId
        """;

    private const string SelectSteps = """
        SELECT command_id AS CommandId, operation_id AS OperationId, agent_number AS AgentNumber, server AS Server, queue AS Queue, interface AS Interface,
               action AS Action, previous_pause_code AS PreviousPauseCode, status AS Status, detail AS Detail
        FROM agent_operation_step WHERE operation_id = @OperationId
        """;

    private const string SelectOperation = """
        SELECT id AS Id, kind AS Kind, agent_number AS AgentNumber, server AS Server, interface AS Interface, pause_code AS PauseCode, channel_id AS ChannelId,
               code AS Code, source AS Source, requested_by AS RequestedBy, status AS Status, detail AS Detail, answer_by AS AnswerBy, created_at AS CreatedAt
        FROM agent_operation WHERE id = @Id
        """;

    private const string Finish = "UPDATE agent_operation SET status = @Status, detail = @Detail, completed_at = @Now WHERE id = @Id AND status = @From";

    private const string SelectQueuesAt = "SELECT queue FROM agent_membership WHERE agent_number = @AgentNumber AND server = @Server AND interface = @Interface ORDER BY queue";

    /// <summary>Asterisk confirmed a member change: the pending steps that asked for it are done.</summary>
    public async Task<IReadOnlyList<Guid>> ConfirmAsync(DbTransaction tx, string server, string queue, string @interface, string action, CancellationToken ct)
    {
        var steps = await tx.Connection!.QueryAsync<OperationStep>(new CommandDefinition(SelectPendingSteps,
            new { Server = server, Queue = queue, Interface = @interface, Action = action }, tx, cancellationToken: ct));
        var operations = new List<Guid>();
        foreach (var step in steps)
        {
            if (await SetAsync(tx, step.CommandId, OperationStatus.Confirmed, null, ct))
            {
                operations.Add(step.OperationId);
            }
        }
        return operations;
    }

    /// <summary>
    /// The connector answered a step's command. Success with nothing to do ("already there") confirms the step,
    /// since no event will follow; a failure fails it; a plain success waits for Asterisk's event.
    /// </summary>
    public async Task<Guid?> OnCommandCompletedAsync(DbTransaction tx, CommandCompleted completed, CancellationToken ct)
    {
        if (!CanChangeAStep(completed))
        {
            return null;
        }
        var step = await tx.Connection!.QuerySingleOrDefaultAsync<OperationStep>(new CommandDefinition(SelectStep, new { completed.CommandId }, tx, cancellationToken: ct));
        if (step is null || step.Status != OperationStatus.Pending)
        {
            return null;
        }
        if (!completed.Succeeded)
        {
            var detail = $"{completed.Outcome}: {completed.Detail}";
            return await SetAsync(tx, step.CommandId, OperationStatus.Failed, detail, ct) ? step.OperationId : null;
        }
        return await SetAsync(tx, step.CommandId, OperationStatus.Confirmed, completed.Outcome, ct) ? step.OperationId : null;
    }

    /// <summary>Whether a command result can change a step: a failure, or a success with nothing to do; not a plain success.</summary>
    public static bool CanChangeAStep(CommandCompleted completed) =>
        !completed.Succeeded || completed.Outcome is CommandOutcome.AlreadyMember or CommandOutcome.NotMember;

    /// <summary>Completes the operation if every step is confirmed (success) or one failed (undone).</summary>
    public async Task TryCompleteAsync(DbTransaction tx, Guid operationId, DateTime now, CancellationToken ct)
    {
        var operation = await OperationAsync(tx, operationId, ct);
        if (operation is null || operation.Status != OperationStatus.Pending)
        {
            return;
        }
        var steps = await StepsAsync(tx, operationId, ct);
        var failed = steps.FirstOrDefault(s => s.Status == OperationStatus.Failed);
        if (failed is null && steps.Any(s => s.Status == OperationStatus.Pending))
        {
            return;
        }
        if (failed is not null)
        {
            var detail = $"{failed.Action} {failed.Queue}: {failed.Detail}";
            if (await FinishAsync(tx, operation, OperationStatus.Failed, detail, now, ct))
            {
                await UndoAsync(tx, operation, steps, ct);
                await messages.PublishRefusalAsync(tx, RequestOf(operation), FeatureCodeRefusalReason.AsteriskFailed, detail, now, ct);
                if (!OperationMessages.ConnectorAnswers(operation.ChannelId, operation.Server, steps))
                {
                    await messages.AnswerPhoneAsync(tx, operation.Server, operation.ChannelId, Lane(operation), options.Prompts.Failed, operation.RequestedBy, ct);
                }
            }
            return;
        }
        if (await FinishAsync(tx, operation, OperationStatus.Succeeded, null, now, ct))
        {
            await AnnounceAsync(tx, operation, now, ct);
            if (!OperationMessages.ConnectorAnswers(operation.ChannelId, operation.Server, steps))
            {
                await messages.AnswerPhoneAsync(tx, operation.Server, operation.ChannelId, Lane(operation), options.Prompts.Succeeded(operation.Kind), operation.RequestedBy, ct);
            }
        }
    }

    /// <summary>The phone gave up waiting (or the web deadline passed): undo whatever was done or is under way.</summary>
    public async Task<bool> TimeOutAsync(DbTransaction tx, Guid operationId, string detail, DateTime now, CancellationToken ct)
    {
        var operation = await OperationAsync(tx, operationId, ct);
        if (operation is null || operation.Status is not (OperationStatus.Pending or OperationStatus.Succeeded))
        {
            return false;
        }
        if (!await FinishAsync(tx, operation, OperationStatus.TimedOut, detail, now, ct))
        {
            return false;
        }
        await UndoAsync(tx, operation, await StepsAsync(tx, operationId, ct), ct);
        await messages.PublishRefusalAsync(tx, RequestOf(operation), FeatureCodeRefusalReason.TimedOut, detail, now, ct);
        return true;
    }

    /// <summary>Reverses every step that was confirmed or may still land; a failed step did nothing.</summary>
    private async Task UndoAsync(DbTransaction tx, OperationRow operation, IReadOnlyList<OperationStep> steps, CancellationToken ct)
    {
        var requestedBy = $"undo:{operation.Id:N}";
        foreach (var step in steps.Where(s => s.Status != OperationStatus.Failed))
        {
            var reverse = new OperationStep
            {
                CommandId = Guid.NewGuid(),
                AgentNumber = step.AgentNumber,
                Server = step.Server,
                Queue = step.Queue,
                Interface = step.Interface,
                Action = step.Action switch
                {
                    StepAction.Add => StepAction.Remove,
                    StepAction.Remove => StepAction.Add,
                    StepAction.Pause => step.PreviousPauseCode is null ? StepAction.Unpause : StepAction.Pause,
                    _ => StepAction.Pause,
                },
            };
            var pauseCode = reverse.Action == StepAction.Pause || step.Action == StepAction.Remove ? step.PreviousPauseCode : null;
            await messages.SendCommandAsync(tx, step.AgentNumber, OperationMessages.CommandFor(reverse, requestedBy, pauseCode, 0), ct);
        }
    }

    private async Task AnnounceAsync(DbTransaction tx, OperationRow operation, DateTime now, CancellationToken ct)
    {
        var at = new DateTimeOffset(now, TimeSpan.Zero);
        var queues = (await tx.Connection!.QueryAsync<string>(new CommandDefinition(SelectQueuesAt,
            new { operation.AgentNumber, operation.Server, operation.Interface }, tx, cancellationToken: ct))).ToList();
        switch (operation.Kind)
        {
            case OperationKind.Login:
                var agent = await AgentDirectory.AgentAsync(tx, operation.AgentNumber, ct);
                await messages.PublishAsync(tx, new AgentLoggedIn(Guid.NewGuid(), operation.Server, at, operation.AgentNumber, agent?.Name ?? string.Empty,
                    operation.Interface, queues, operation.Source), ct);
                break;
            case OperationKind.Pause:
                var code = await AgentDirectory.PauseCodeAsync(tx, operation.PauseCode ?? string.Empty, ct);
                await messages.PublishAsync(tx, new AgentPaused(Guid.NewGuid(), operation.Server, at, operation.AgentNumber, operation.Interface,
                    operation.PauseCode ?? string.Empty, code?.Name ?? string.Empty, code?.Productive ?? false, queues, operation.Source), ct);
                break;
            case OperationKind.Unpause:
                await messages.PublishAsync(tx, new AgentUnpaused(Guid.NewGuid(), operation.Server, at, operation.AgentNumber, operation.Interface,
                    queues, operation.Source), ct);
                break;
        }
    }

    private static string Lane(OperationRow operation) => $"agent:{operation.AgentNumber}";

    private static OperationRequest RequestOf(OperationRow o) =>
        new(o.Id, o.Kind, o.Server, o.AgentNumber, o.Interface, o.PauseCode, null, o.Source, o.RequestedBy, o.ChannelId, o.Code, o.AnswerBy);

    private static async Task<bool> SetAsync(DbTransaction tx, Guid commandId, string status, string? detail, CancellationToken ct) =>
        await tx.Connection!.ExecuteAsync(new CommandDefinition(SetStepStatus, new { CommandId = commandId, Status = status, Detail = detail }, tx, cancellationToken: ct)) == 1;

    private static async Task<bool> FinishAsync(DbTransaction tx, OperationRow operation, string status, string? detail, DateTime now, CancellationToken ct) =>
        await tx.Connection!.ExecuteAsync(new CommandDefinition(Finish,
            new { operation.Id, Status = status, Detail = detail, Now = now, From = operation.Status }, tx, cancellationToken: ct)) == 1;

    private static Task<OperationRow?> OperationAsync(DbTransaction tx, Guid id, CancellationToken ct) =>
        tx.Connection!.QuerySingleOrDefaultAsync<OperationRow>(new CommandDefinition(SelectOperation, new { Id = id }, tx, cancellationToken: ct));

    private static async Task<IReadOnlyList<OperationStep>> StepsAsync(DbTransaction tx, Guid operationId, CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<OperationStep>(new CommandDefinition(SelectSteps, new { OperationId = operationId }, tx, cancellationToken: ct))).ToList();
}
