using System.Data.Common;
using ContactCenter.Agents.Operations;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Queues;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Agents.State;

/// <summary>
/// Records what Asterisk confirmed about queue members — the only thing that changes an agent's logged-in
/// and paused state — then lets the operations waiting for it complete. The agent of a member is the one
/// whose step asked for it, else the one already known at that interface, else the agent whose number
/// is the member name (the product adds members with the agent number as MemberName).
/// </summary>
internal sealed partial class MembershipRecorder(AgentStateRecorder states, OperationTracker tracker, ILogger<MembershipRecorder> logger)
{
    private const string AgentOfStep = """
        SELECT s.agent_number AS AgentNumber, o.source AS Source FROM agent_operation_step s JOIN agent_operation o ON o.id = s.operation_id
        WHERE s.server = @Server AND s.queue = @Queue AND s.interface = @Interface AND s.action = @Action AND s.status = 'pending'
        """;
    private const string AgentOfMembership = "SELECT agent_number FROM agent_membership WHERE server = @Server AND queue = @Queue AND interface = @Interface";
    private const string AgentAtInterface = "SELECT agent_number FROM agent_status WHERE server = @Server AND interface = @Interface";
    private const string AgentByNumber = "SELECT agent_number FROM agent WHERE agent_number = @MemberName";

    private const string UpdateMembership = """
        UPDATE agent_membership SET agent_number = @AgentNumber, paused = @Paused, pause_code = @PauseCode WHERE server = @Server AND queue = @Queue AND interface = @Interface
        """;
    private const string InsertMembership = """
        INSERT INTO agent_membership (agent_number, server, queue, interface, paused, pause_code, since) VALUES (@AgentNumber, @Server, @Queue, @Interface, @Paused, @PauseCode, @Now)
        """;
    private const string DeleteMembership = "DELETE FROM agent_membership WHERE server = @Server AND queue = @Queue AND interface = @Interface";

    private const string SetDeviceStatus = """
        UPDATE agent_status SET device_status = @Status,
               wrapup_until = CASE WHEN @StartWrapUp = 1 THEN @WrapUpUntil ELSE wrapup_until END,
               last_queue = CASE WHEN @StartWrapUp = 1 THEN NULL ELSE last_queue END
        WHERE agent_number = @AgentNumber
        """;
    private const string WrapUpOfQueue = "SELECT wrapup_seconds FROM queue WHERE server = @Server AND name = @Queue";

    /// <summary>The member is in the queue now (added, or found by reconciliation).</summary>
    public async Task OnPresentAsync(DbTransaction tx, string server, QueueMember member, string action, DateTime now, CancellationToken ct, string? sourceOverride = null)
    {
        var (agent, source) = await ResolveAsync(tx, server, member, action, ct);
        if (agent is null)
        {
            Log.UnknownMember(logger, server, member.Queue, member.Interface, member.MemberName);
            return;
        }
        var row = new
        {
            AgentNumber = agent,
            Server = server,
            member.Queue,
            member.Interface,
            member.Paused,
            PauseCode = member.Paused ? member.PausedReason : null,
            Now = now,
        };
        if (await tx.Connection!.ExecuteAsync(new CommandDefinition(UpdateMembership, row, tx, cancellationToken: ct)) == 0)
        {
            await tx.Connection!.ExecuteAsync(new CommandDefinition(InsertMembership, row, tx, cancellationToken: ct));
        }
        await states.RecomputeAsync(tx, agent, sourceOverride ?? source, null, now, ct);
        await CompleteAsync(tx, await tracker.ConfirmAsync(tx, server, member.Queue, member.Interface, action, ct), now, ct);
    }

    /// <summary>The member left the queue.</summary>
    public async Task OnRemovedAsync(DbTransaction tx, string server, QueueMember member, DateTime now, CancellationToken ct, string? sourceOverride = null, string? reason = null)
    {
        var (agent, source) = await ResolveAsync(tx, server, member, StepAction.Remove, ct);
        await tx.Connection!.ExecuteAsync(new CommandDefinition(DeleteMembership, new { Server = server, member.Queue, member.Interface }, tx, cancellationToken: ct));
        if (agent is not null)
        {
            var before = await AgentStateRecorder.StatusAsync(tx, agent, now, ct);
            var state = await states.RecomputeAsync(tx, agent, sourceOverride ?? source, reason ?? $"left {member.Queue}", now, ct);
            if (state == AgentState.LoggedOut && before.State != AgentState.LoggedOut)
            {
                await PublishLoggedOutAsync(tx, server, agent, member.Interface, sourceOverride ?? source, reason ?? "removed from every queue", now, ct);
            }
        }
        await CompleteAsync(tx, await tracker.ConfirmAsync(tx, server, member.Queue, member.Interface, StepAction.Remove, ct), now, ct);
    }

    /// <summary>The member's device status changed: ringing, on a call, idle (which starts the queue's wrap-up after a call).</summary>
    public async Task OnStatusAsync(DbTransaction tx, string server, QueueMember member, DateTime now, CancellationToken ct)
    {
        var agent = await tx.Connection!.QuerySingleOrDefaultAsync<string>(new CommandDefinition(AgentOfMembership,
            new { Server = server, member.Queue, member.Interface }, tx, cancellationToken: ct));
        if (agent is null)
        {
            return;
        }
        var status = await AgentStateRecorder.StatusAsync(tx, agent, now, ct);
        if (status.DeviceStatus == member.Status)
        {
            return;
        }
        // Back to idle after a queue call: Asterisk holds the member for the queue's wrap-up time.
        var wasOnCall = status.DeviceStatus is 2 or 3 or 8;
        var startWrapUp = wasOnCall && member.Status == 1 && status.LastQueue is not null;
        var wrapUpSeconds = startWrapUp
            ? await tx.Connection!.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(WrapUpOfQueue, new { Server = server, Queue = status.LastQueue }, tx, cancellationToken: ct)) ?? 0
            : 0;
        await tx.Connection!.ExecuteAsync(new CommandDefinition(SetDeviceStatus, new
        {
            AgentNumber = agent,
            member.Status,
            StartWrapUp = startWrapUp && wrapUpSeconds > 0 ? 1 : 0,
            WrapUpUntil = now.AddSeconds(wrapUpSeconds),
        }, tx, cancellationToken: ct));
        await states.RecomputeAsync(tx, agent, AgentStateSource.Asterisk, null, now, ct);
    }

    private async Task PublishLoggedOutAsync(DbTransaction tx, string server, string agent, string @interface, string source, string reason, DateTime now, CancellationToken ct)
    {
        var e = new AgentLoggedOut(Guid.NewGuid(), server, new DateTimeOffset(now, TimeSpan.Zero), agent, @interface, source, reason);
        await states.PublishAsync(tx, e, ct);
    }

    private async Task CompleteAsync(DbTransaction tx, IReadOnlyList<Guid> operations, DateTime now, CancellationToken ct)
    {
        foreach (var operation in operations)
        {
            await tracker.TryCompleteAsync(tx, operation, now, ct);
        }
    }

    private static async Task<(string? Agent, string Source)> ResolveAsync(DbTransaction tx, string server, QueueMember member, string action, CancellationToken ct)
    {
        var connection = tx.Connection!;
        var args = new { Server = server, member.Queue, member.Interface, Action = action, member.MemberName };
        var step = await connection.QueryFirstOrDefaultAsync<StepAgent>(new CommandDefinition(AgentOfStep, args, tx, cancellationToken: ct));
        if (step is not null)
        {
            return (step.AgentNumber, step.Source);
        }
        var agent = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(AgentOfMembership, args, tx, cancellationToken: ct))
            ?? await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(AgentAtInterface, args, tx, cancellationToken: ct))
            ?? await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(AgentByNumber, args, tx, cancellationToken: ct));
        return (agent, AgentStateSource.Asterisk);
    }

    private sealed class StepAgent
    {
        public string AgentNumber { get; set; } = string.Empty;

        public string Source { get; set; } = string.Empty;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "{Server}: queue {Queue} has member {Interface} ({MemberName}) that belongs to no agent of the center; left as it is")]
        public static partial void UnknownMember(ILogger logger, string server, string queue, string @interface, string memberName);
    }
}
