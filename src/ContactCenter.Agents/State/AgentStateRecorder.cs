using System.Data.Common;
using ContactCenter.Contracts.Agents;
using ContactCenter.Messaging.Outbox;
using Dapper;

namespace ContactCenter.Agents.State;

/// <summary>
/// Keeps each agent's current status, state history and sessions, inside the caller's transaction. The
/// state is always recomputed from Asterisk's truth (memberships, device status, wrap-up), so whatever
/// event changed something, the recorded state is the one the rules give; a change closes the open
/// history row, opens the next, and appends <see cref="AgentStateChanged"/> to the outbox.
/// </summary>
internal sealed class AgentStateRecorder(SqlOutbox outbox)
{
    private const string EnsureStatus = """
        INSERT INTO agent_status (agent_number, state, state_since, device_status)
        SELECT @AgentNumber, @LoggedOut, @Now, 1 WHERE NOT EXISTS (SELECT 1 FROM agent_status WHERE agent_number = @AgentNumber)
        """;

    private const string SelectStatus = """
        SELECT agent_number AS AgentNumber, server AS Server, interface AS Interface, session_id AS SessionId, state AS State,
               state_since AS StateSince, pause_code AS PauseCode, linkedid AS Linkedid, last_queue AS LastQueue,
               wrapup_until AS WrapupUntil, device_status AS DeviceStatus
        FROM agent_status WHERE agent_number = @AgentNumber
        """;

    private const string CountMemberships = """
        SELECT COUNT(*) AS Total, COALESCE(SUM(CASE WHEN paused = 1 THEN 1 ELSE 0 END), 0) AS Paused,
               MAX(CASE WHEN paused = 1 THEN pause_code END) AS PauseCode, MAX(server) AS Server, MAX(interface) AS Interface,
               COUNT(DISTINCT interface) AS Interfaces
        FROM agent_membership WHERE agent_number = @AgentNumber
        """;

    // A write to the agent's status row takes its row lock until commit: two recomputes of one agent (a
    // consumer and the timer service on another worker) run one after the other on SQL Server too, so history
    // rows never overlap. SQLite serializes writers anyway.
    private const string LockStatus = "UPDATE agent_status SET device_status = device_status WHERE agent_number = @AgentNumber";

    private const string CloseHistory = "UPDATE agent_state_history SET ended_at = @Now WHERE agent_number = @AgentNumber AND ended_at IS NULL";

    private const string InsertHistory = """
        INSERT INTO agent_state_history (id, agent_number, state, pause_code, started_at, ended_at, source, reason)
        VALUES (@Id, @AgentNumber, @State, @PauseCode, @Now, NULL, @Source, @Reason)
        """;

    private const string ForgetCall = "UPDATE agent_status SET linkedid = NULL WHERE agent_number = @AgentNumber";

    private const string UpdateState = """
        UPDATE agent_status SET state = @State, state_since = @Now, pause_code = @PauseCode,
               wrapup_until = CASE WHEN @State = 'wrap-up' THEN wrapup_until ELSE NULL END
        WHERE agent_number = @AgentNumber
        """;

    private const string OpenSession = """
        INSERT INTO agent_session (id, agent_number, server, interface, login_at, login_source) VALUES (@Id, @AgentNumber, @Server, @Interface, @Now, @Source)
        """;

    private const string AttachSession = "UPDATE agent_status SET server = @Server, interface = @Interface, session_id = @Id WHERE agent_number = @AgentNumber";

    private const string CloseSession = """
        UPDATE agent_session SET logout_at = @Now, logout_source = @Source, logout_reason = @Reason WHERE id = @SessionId AND logout_at IS NULL
        """;

    private const string DetachSession = """
        UPDATE agent_status SET server = NULL, interface = NULL, session_id = NULL, linkedid = NULL, last_queue = NULL, wrapup_until = NULL, device_status = 1
        WHERE agent_number = @AgentNumber
        """;

    /// <summary>Appends an agent event to the outbox in the caller's transaction.</summary>
    public Task PublishAsync(DbTransaction tx, ContactCenter.Contracts.IContactCenterEvent e, CancellationToken ct) =>
        outbox.AppendAsync(tx, [(e, OutboxSerializer.LaneOf(e), null)], ct);

    public static async Task<AgentStatusRow> StatusAsync(DbTransaction tx, string agentNumber, DateTime now, CancellationToken ct)
    {
        await tx.Connection!.ExecuteAsync(new CommandDefinition(EnsureStatus, new { AgentNumber = agentNumber, LoggedOut = AgentState.LoggedOut, Now = now }, tx, cancellationToken: ct));
        return await tx.Connection!.QuerySingleAsync<AgentStatusRow>(new CommandDefinition(SelectStatus, new { AgentNumber = agentNumber }, tx, cancellationToken: ct));
    }

    /// <summary>
    /// Opens or closes the agent's session to match its memberships, then recomputes and records the state.
    /// Returns the state now recorded.
    /// </summary>
    public async Task<string> RecomputeAsync(DbTransaction tx, string agentNumber, string source, string? reason, DateTime now, CancellationToken ct)
    {
        var connection = tx.Connection!;
        await StatusAsync(tx, agentNumber, now, ct);
        await connection.ExecuteAsync(new CommandDefinition(LockStatus, new { AgentNumber = agentNumber }, tx, cancellationToken: ct));
        var status = await StatusAsync(tx, agentNumber, now, ct);
        var members = await connection.QuerySingleAsync<MembershipCount>(new CommandDefinition(CountMemberships, new { AgentNumber = agentNumber }, tx, cancellationToken: ct));

        if (members.Total > 0 && status.SessionId is { } current && members.Interfaces == 1 && members.Interface != status.Interface)
        {
            // Every membership is now at another phone: the session moved. Close the old one; a new one opens below.
            await connection.ExecuteAsync(new CommandDefinition(CloseSession, new { SessionId = current, Now = now, Source = source, Reason = $"moved to {members.Interface}" }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(DetachSession, new { AgentNumber = agentNumber }, tx, cancellationToken: ct));
            status = await StatusAsync(tx, agentNumber, now, ct);
        }
        if (members.Total > 0 && status.SessionId is null)
        {
            var session = new { Id = Guid.NewGuid(), AgentNumber = agentNumber, members.Server, members.Interface, Now = now, Source = source };
            await connection.ExecuteAsync(new CommandDefinition(OpenSession, session, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(AttachSession, session, tx, cancellationToken: ct));
            status = await StatusAsync(tx, agentNumber, now, ct);
        }
        else if (members.Total == 0 && status.SessionId is { } sessionId)
        {
            await connection.ExecuteAsync(new CommandDefinition(CloseSession, new { SessionId = sessionId, Now = now, Source = source, Reason = reason }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(DetachSession, new { AgentNumber = agentNumber }, tx, cancellationToken: ct));
        }

        var state = AgentStateRules.Derive((int)members.Total, (int)members.Paused, status.DeviceStatus, status.WrapupUntil, now);
        var pauseCode = state == AgentState.Paused ? members.PauseCode : null;
        if (state == status.State && pauseCode == status.PauseCode)
        {
            return state;
        }
        var change = new { Id = Guid.NewGuid(), AgentNumber = agentNumber, State = state, PauseCode = pauseCode, Now = now, Source = source, Reason = reason };
        await connection.ExecuteAsync(new CommandDefinition(CloseHistory, change, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(InsertHistory, change, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(UpdateState, change, tx, cancellationToken: ct));
        var server = members.Server ?? status.Server ?? string.Empty;
        // The call of the state: the one CallAnswered named, for on-call and its wrap-up. Anything else ends it
        // (ringing is a new offer, not yet known by its call here), so the next call never shows the last one.
        var linkedid = state is AgentState.OnCall or AgentState.WrapUp ? status.Linkedid : null;
        if (linkedid is null && status.Linkedid is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(ForgetCall, new { AgentNumber = agentNumber }, tx, cancellationToken: ct));
        }
        var changed = new AgentStateChanged(Guid.NewGuid(), server, new DateTimeOffset(now, TimeSpan.Zero), agentNumber, state, status.State,
            members.Interface ?? status.Interface, pauseCode, linkedid, source);
        await outbox.AppendAsync(tx, [(changed, OutboxSerializer.LaneOf(changed), null)], ct);
        return state;
    }

    private sealed class MembershipCount
    {
        public long Total { get; set; }

        public long Paused { get; set; }

        public string? PauseCode { get; set; }

        public string? Server { get; set; }

        public string? Interface { get; set; }

        public long Interfaces { get; set; }
    }
}

/// <summary>A row of <c>agent_status</c>.</summary>
internal sealed class AgentStatusRow
{
    public string AgentNumber { get; set; } = string.Empty;

    public string? Server { get; set; }

    public string? Interface { get; set; }

    public Guid? SessionId { get; set; }

    public string State { get; set; } = string.Empty;

    public DateTime StateSince { get; set; }

    public string? PauseCode { get; set; }

    public string? Linkedid { get; set; }

    public string? LastQueue { get; set; }

    public DateTime? WrapupUntil { get; set; }

    public int DeviceStatus { get; set; }
}
