using ContactCenter.Data;
using Dapper;

namespace ContactCenter.Agents.Api;

/// <summary>
/// An agent's current status for the API: state, extension, time in state, queues logged in over linked
/// (linked on the server the agent is logged in on; on every server when logged out).
/// </summary>
public sealed record AgentStatusResponse(
    string AgentNumber,
    string Name,
    string State,
    DateTimeOffset Since,
    int SecondsInState,
    string? Extension,
    string? Server,
    string? PauseCode,
    string? PauseName,
    int QueuesLoggedIn,
    int QueuesLinked,
    string Queues,
    IReadOnlyList<MembershipResponse> Memberships);

/// <summary>One queue the agent is logged in to.</summary>
public sealed record MembershipResponse(string Server, string Queue, bool Paused, string? PauseCode);

/// <summary>Reads agent statuses for the API.</summary>
internal sealed class AgentStatusQuery(Database database, TimeProvider time)
{
    private const string SelectStatuses = """
        SELECT a.agent_number AS AgentNumber, a.name AS Name, COALESCE(s.state, 'logged-out') AS State, s.state_since AS StateSince,
               s.interface AS Interface, s.server AS Server, s.pause_code AS PauseCode, p.name AS PauseName,
               (SELECT COUNT(*) FROM agent_queue l WHERE l.agent_number = a.agent_number AND (s.server IS NULL OR l.server = s.server)) AS Linked
        FROM agent a
        LEFT JOIN agent_status s ON s.agent_number = a.agent_number
        LEFT JOIN pause_code p ON p.code = s.pause_code
        """;

    private const string SelectMemberships = """
        SELECT agent_number AS AgentNumber, server AS Server, queue AS Queue, paused AS Paused, pause_code AS PauseCode
        FROM agent_membership
        """;

    public async Task<AgentStatusResponse?> OneAsync(string agentNumber, CancellationToken ct) =>
        (await ReadAsync(" WHERE a.agent_number = @AgentNumber", " WHERE agent_number = @AgentNumber", new { AgentNumber = agentNumber }, ct)).SingleOrDefault();

    public Task<IReadOnlyList<AgentStatusResponse>> AllAsync(CancellationToken ct) => ReadAsync(" ORDER BY a.agent_number", string.Empty, null, ct);

    private Task<IReadOnlyList<AgentStatusResponse>> ReadAsync(string statusFilter, string membershipFilter, object? args, CancellationToken ct) =>
        database.WithConnectionAsync<IReadOnlyList<AgentStatusResponse>>(async (connection, token) =>
        {
            var statuses = await connection.QueryAsync<StatusRow>(new CommandDefinition(SelectStatuses + statusFilter, args, cancellationToken: token));
            var memberships = (await connection.QueryAsync<MembershipRowView>(new CommandDefinition(SelectMemberships + membershipFilter, args, cancellationToken: token)))
                .ToLookup(m => m.AgentNumber);
            var now = time.GetUtcNow();
            return statuses.Select(s =>
            {
                var mine = memberships[s.AgentNumber].Select(m => new MembershipResponse(m.Server, m.Queue, m.Paused, m.PauseCode)).ToList();
                var since = s.StateSince is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : now;
                return new AgentStatusResponse(s.AgentNumber, s.Name, s.State, since, (int)Math.Max(0, (now - since).TotalSeconds), s.Interface, s.Server,
                    s.PauseCode, s.PauseName, mine.Count, (int)s.Linked, $"{mine.Count}/{s.Linked}", mine);
            }).ToList();
        }, ct);

    private sealed class StatusRow
    {
        public string AgentNumber { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string State { get; set; } = string.Empty;

        public DateTime? StateSince { get; set; }

        public string? Interface { get; set; }

        public string? Server { get; set; }

        public string? PauseCode { get; set; }

        public string? PauseName { get; set; }

        public long Linked { get; set; }
    }

    private sealed class MembershipRowView
    {
        public string AgentNumber { get; set; } = string.Empty;

        public string Server { get; set; } = string.Empty;

        public string Queue { get; set; } = string.Empty;

        public bool Paused { get; set; }

        public string? PauseCode { get; set; }
    }
}
