using System.Data.Common;
using ContactCenter.Agents.Directory;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Channels;
using ContactCenter.Data;
using Dapper;

namespace ContactCenter.Agents.Operations;

/// <summary>
/// Starts an agent operation in one transaction: checks the request against the directory and the
/// current membership, refuses it with a reason (and the refusal prompt) or plans one step per queue, and
/// queues the step commands for the connector. State does not change here: it changes when Asterisk
/// confirms each step (<see cref="OperationTracker"/>).
/// </summary>
internal sealed class OperationPlanner(Database database, OperationMessages messages, OperationTracker tracker, AgentsOptions options, TimeProvider time)
{
    private const string SelectOperation = "SELECT status AS Status, detail AS Detail, agent_number AS AgentNumber FROM agent_operation WHERE id = @Id";

    private const string InsertOperation = """
        INSERT INTO agent_operation (id, kind, agent_number, server, interface, pause_code, channel_id, code, source, requested_by, status, detail, answer_by, created_at)
        VALUES (@Id, @Kind, @AgentNumber, @Server, @Interface, @PauseCode, @ChannelId, @Code, @Source, @RequestedBy, @Status, @Detail, @AnswerBy, @CreatedAt)
        """;

    private const string SelectAgentAtExtension = "SELECT agent_number FROM agent_status WHERE server = @Server AND interface = @Interface";

    private const string SelectMemberships = """
        SELECT agent_number AS AgentNumber, server AS Server, queue AS Queue, interface AS Interface, paused AS Paused, pause_code AS PauseCode
        FROM agent_membership WHERE agent_number = @AgentNumber ORDER BY server, queue
        """;

    private const string SelectOccupants = """
        SELECT agent_number AS AgentNumber, server AS Server, queue AS Queue, interface AS Interface, paused AS Paused, pause_code AS PauseCode
        FROM agent_membership WHERE server = @Server AND interface = @Interface AND agent_number <> @AgentNumber
        """;

    // Adds of operations still waiting for Asterisk count as memberships: a second login must move them too.
    private const string SelectPendingAdds = """
        SELECT agent_number AS AgentNumber, server AS Server, queue AS Queue, interface AS Interface, 0 AS Paused, NULL AS PauseCode
        FROM agent_operation_step WHERE agent_number = @AgentNumber AND action = 'add' AND status = 'pending'
        """;

    private const string SelectPendingOccupants = """
        SELECT agent_number AS AgentNumber, server AS Server, queue AS Queue, interface AS Interface, 0 AS Paused, NULL AS PauseCode
        FROM agent_operation_step WHERE server = @Server AND interface = @Interface AND agent_number <> @AgentNumber AND action = 'add' AND status = 'pending'
        """;

    /// <summary>
    /// Starts (or refuses) the operation and wakes the outbox publisher: its commands and events were committed
    /// to the outbox, and left to the publisher's idle poll they would wait up to a quarter of a second.
    /// </summary>
    public async Task<OperationStart> StartAsync(OperationRequest request, CancellationToken ct)
    {
        var start = await PlanAsync(request, ct);
        messages.Committed();
        return start;
    }

    /// <summary>Refuses a request that could not even be read (a malformed feature code), and wakes the outbox publisher.</summary>
    public async Task<OperationStart> RefuseAsync(OperationRequest request, string reason, string detail, CancellationToken ct)
    {
        var start = await RecordRefusalAsync(request, reason, detail, ct);
        messages.Committed();
        return start;
    }

    private Task<OperationStart> PlanAsync(OperationRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, tx, token) =>
        {
            var existing = await connection.QuerySingleOrDefaultAsync<ExistingOperation>(new CommandDefinition(SelectOperation, new { request.Id }, tx, cancellationToken: token));
            if (existing is not null)
            {
                // A redelivered request: its operation already exists.
                return new OperationStart(request.Id, existing.Status, null, existing.Detail ?? string.Empty, existing.AgentNumber);
            }
            var now = time.GetUtcNow().UtcDateTime;
            var plan = request.Kind switch
            {
                OperationKind.Login => await PlanLoginAsync(tx, request, token),
                OperationKind.Pause or OperationKind.Unpause or OperationKind.Logout => await PlanForLoggedInAsync(tx, request, token),
                _ => throw new ArgumentException($"Unknown operation kind '{request.Kind}'", nameof(request)),
            };
            if (plan.Refusal is { } refusal)
            {
                await InsertAsync(tx, request, plan.AgentNumber ?? request.AgentNumber ?? string.Empty, OperationStatus.Refused, refusal.Detail, now, token);
                await messages.PublishRefusalAsync(tx, request with { AgentNumber = plan.AgentNumber ?? request.AgentNumber }, refusal.Reason, refusal.Detail, now, token);
                await messages.AnswerPhoneAsync(tx, request.Server, request.ChannelId, $"agent:{plan.AgentNumber ?? request.Interface}", options.Prompts.Refused,
                    request.RequestedBy, token);
                return new OperationStart(request.Id, OperationStatus.Refused, refusal.Reason, refusal.Detail, plan.AgentNumber);
            }

            var agent = plan.AgentNumber!;
            await InsertAsync(tx, request with { PauseCode = plan.PauseCode ?? request.PauseCode }, agent, OperationStatus.Pending, null, now, token);
            var answer = OperationMessages.ConnectorAnswers(request.ChannelId, request.Server, plan.Steps.Select(s => s.Step))
                ? new PhoneAnswer(request.ChannelId!, request.Id, plan.Steps.Count, options.Prompts.Succeeded(request.Kind), options.Prompts.Failed)
                : null;
            foreach (var (step, penalty) in plan.Steps)
            {
                step.OperationId = request.Id;
                await messages.SendStepAsync(tx, step, request.RequestedBy, step.Action == StepAction.Pause ? plan.PauseCode : null, penalty, answer, token);
            }
            if (plan.Steps.Count > 0)
            {
                // Every step waits for Asterisk: the operation is pending, nothing to complete or read back.
                return new OperationStart(request.Id, OperationStatus.Pending, null, string.Empty, agent);
            }
            await tracker.TryCompleteAsync(tx, request.Id, now, token);
            var status = await connection.QuerySingleAsync<ExistingOperation>(new CommandDefinition(SelectOperation, new { request.Id }, tx, cancellationToken: token));
            return new OperationStart(request.Id, status.Status, null, status.Detail ?? string.Empty, agent);
        }, ct);

    private Task<OperationStart> RecordRefusalAsync(OperationRequest request, string reason, string detail, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, tx, token) =>
        {
            var existing = await connection.QuerySingleOrDefaultAsync<ExistingOperation>(new CommandDefinition(SelectOperation, new { request.Id }, tx, cancellationToken: token));
            if (existing is not null)
            {
                return new OperationStart(request.Id, existing.Status, reason, existing.Detail ?? string.Empty, null);
            }
            var now = time.GetUtcNow().UtcDateTime;
            await InsertAsync(tx, request, request.AgentNumber ?? string.Empty, OperationStatus.Refused, detail, now, token);
            await messages.PublishRefusalAsync(tx, request, reason, detail, now, token);
            await messages.AnswerPhoneAsync(tx, request.Server, request.ChannelId, $"agent:{request.Interface}", options.Prompts.Refused, request.RequestedBy, token);
            return new OperationStart(request.Id, OperationStatus.Refused, reason, detail, null);
        }, ct);

    private async Task<Plan> PlanLoginAsync(DbTransaction tx, OperationRequest request, CancellationToken ct)
    {
        var number = request.AgentNumber ?? string.Empty;
        var agent = await AgentDirectory.AgentAsync(tx, number, ct);
        if (agent is null)
        {
            return Plan.Refuse(FeatureCodeRefusalReason.UnknownAgent, $"agent {number} does not exist", null);
        }
        if (!agent.Active)
        {
            return Plan.Refuse(FeatureCodeRefusalReason.InactiveAgent, $"agent {number} is not active", number);
        }
        var extension = await AgentDirectory.ExtensionAsync(tx, request.Interface, ct);
        if (extension is null || !string.Equals(extension.Server, request.Server, StringComparison.Ordinal))
        {
            return Plan.Refuse(FeatureCodeRefusalReason.UnknownExtension, $"{request.Interface} is not an extension of the center on {request.Server}", number);
        }
        var linked = await AgentDirectory.LinkedQueuesAsync(tx, number, request.Server, ct);
        var targets = request.Queues is null ? linked : linked.Where(l => request.Queues.Contains(l.Queue, StringComparer.Ordinal)).ToList();
        if (targets.Count == 0)
        {
            return Plan.Refuse(FeatureCodeRefusalReason.NoQueues, $"agent {number} is linked to no queue on {request.Server}" +
                (request.Queues is null ? string.Empty : $" among {string.Join(", ", request.Queues)}"), number);
        }

        var steps = new List<(OperationStep, int)>();
        var mine = (await MembershipsAsync(tx, SelectMemberships, new { AgentNumber = number }, ct))
            .Concat(await MembershipsAsync(tx, SelectPendingAdds, new { AgentNumber = number }, ct))
            .DistinctBy(m => (m.Server, m.Queue, m.Interface)).ToList();
        // Logged in elsewhere: the session moves here, so it leaves the old extension first.
        foreach (var old in mine.Where(m => m.Interface != request.Interface || m.Server != request.Server))
        {
            steps.Add((Step(old.AgentNumber, old.Server, old.Queue, old.Interface, StepAction.Remove, old.PauseCode), 0));
        }
        // Someone else is logged in at this extension: they leave it.
        var occupants = (await MembershipsAsync(tx, SelectOccupants, new { request.Server, request.Interface, AgentNumber = number }, ct))
            .Concat(await MembershipsAsync(tx, SelectPendingOccupants, new { request.Server, request.Interface, AgentNumber = number }, ct))
            .DistinctBy(m => (m.AgentNumber, m.Server, m.Queue, m.Interface));
        foreach (var other in occupants)
        {
            steps.Add((Step(other.AgentNumber, other.Server, other.Queue, other.Interface, StepAction.Remove, other.PauseCode), 0));
        }
        foreach (var link in targets.Where(t => !mine.Any(m => m.Server == request.Server && m.Queue == t.Queue && m.Interface == request.Interface)))
        {
            steps.Add((Step(number, request.Server, link.Queue, request.Interface, StepAction.Add, null), link.Penalty));
        }
        return new Plan(null, number, null, steps);
    }

    private async Task<Plan> PlanForLoggedInAsync(DbTransaction tx, OperationRequest request, CancellationToken ct)
    {
        var number = request.AgentNumber ?? await tx.Connection!.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(SelectAgentAtExtension, new { request.Server, request.Interface }, tx, cancellationToken: ct));
        if (number is null)
        {
            return Plan.Refuse(FeatureCodeRefusalReason.NobodyLoggedIn, $"nobody is logged in at {request.Interface}", null);
        }
        PauseCodeRecord? code = null;
        if (request.Kind == OperationKind.Pause)
        {
            code = await AgentDirectory.PauseCodeAsync(tx, request.PauseCode ?? string.Empty, ct);
            if (code is null || !code.Active)
            {
                return Plan.Refuse(FeatureCodeRefusalReason.UnknownPauseCode, $"pause code {request.PauseCode} does not exist", number);
            }
        }
        var memberships = (await MembershipsAsync(tx, SelectMemberships, new { AgentNumber = number }, ct))
            .Where(m => request.Queues is null || request.Queues.Contains(m.Queue, StringComparer.Ordinal)).ToList();
        if (memberships.Count == 0)
        {
            return Plan.Refuse(FeatureCodeRefusalReason.NobodyLoggedIn, $"agent {number} is not logged in" +
                (request.Queues is null ? string.Empty : $" to {string.Join(", ", request.Queues)}"), number);
        }
        var steps = request.Kind switch
        {
            OperationKind.Pause => memberships.Where(m => !m.Paused || m.PauseCode != code!.Code)
                .Select(m => (Step(number, m.Server, m.Queue, m.Interface, StepAction.Pause, m.Paused ? m.PauseCode : null), 0)).ToList(),
            OperationKind.Unpause => memberships.Where(m => m.Paused)
                .Select(m => (Step(number, m.Server, m.Queue, m.Interface, StepAction.Unpause, m.PauseCode), 0)).ToList(),
            _ => memberships.Select(m => (Step(number, m.Server, m.Queue, m.Interface, StepAction.Remove, m.PauseCode), 0)).ToList(),
        };
        return new Plan(null, number, code?.Code, steps);
    }

    private static async Task<List<MembershipRow>> MembershipsAsync(DbTransaction tx, string sql, object args, CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<MembershipRow>(new CommandDefinition(sql, args, tx, cancellationToken: ct))).ToList();

    private static OperationStep Step(string agent, string server, string queue, string @interface, string action, string? previousPauseCode) => new()
    {
        CommandId = Guid.NewGuid(),
        AgentNumber = agent,
        Server = server,
        Queue = queue,
        Interface = @interface,
        Action = action,
        PreviousPauseCode = previousPauseCode,
        Status = OperationStatus.Pending,
    };

    private static Task InsertAsync(DbTransaction tx, OperationRequest r, string agentNumber, string status, string? detail, DateTime now, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition(InsertOperation, new
        {
            r.Id,
            r.Kind,
            AgentNumber = agentNumber,
            r.Server,
            r.Interface,
            r.PauseCode,
            r.ChannelId,
            r.Code,
            r.Source,
            r.RequestedBy,
            Status = status,
            Detail = detail,
            r.AnswerBy,
            CreatedAt = now,
        }, tx, cancellationToken: ct));

    private sealed record Refusal(string Reason, string Detail);

    private sealed record Plan(Refusal? Refusal, string? AgentNumber, string? PauseCode, List<(OperationStep Step, int Penalty)> Steps)
    {
        public static Plan Refuse(string reason, string detail, string? agent) => new(new Refusal(reason, detail), agent, null, []);
    }

    private sealed class ExistingOperation
    {
        public string Status { get; set; } = string.Empty;

        public string? Detail { get; set; }

        public string AgentNumber { get; set; } = string.Empty;
    }
}

/// <summary>A row of <c>agent_membership</c>: a queue Asterisk confirmed the agent in.</summary>
internal sealed class MembershipRow
{
    public string AgentNumber { get; set; } = string.Empty;

    public string Server { get; set; } = string.Empty;

    public string Queue { get; set; } = string.Empty;

    public string Interface { get; set; } = string.Empty;

    public bool Paused { get; set; }

    public string? PauseCode { get; set; }
}
