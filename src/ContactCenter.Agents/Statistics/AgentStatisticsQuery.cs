using ContactCenter.Data;
using Dapper;

namespace ContactCenter.Agents.Statistics;

/// <summary>A pause code as statistics show it.</summary>
internal sealed record PauseCodeInfo(string Name, bool Productive);

/// <summary>The statistics of a date range, with the names of the pause codes they mention.</summary>
internal sealed record StatisticsResult(IReadOnlyList<AgentDayStatistics> Days, IReadOnlyDictionary<string, PauseCodeInfo> PauseCodes);

/// <summary>
/// Reads the state history and the answered calls around a range of local days and hands them to
/// <see cref="AgentStatisticsCalculator"/>, which cuts them at the center's local midnights.
/// </summary>
internal sealed class AgentStatisticsQuery(Database database, AgentsOptions options, TimeProvider time)
{
    // The rows overlapping the window: those starting in it, and the one in progress when it starts (an agent's
    // rows follow each other without overlap, so only the last one started before the window can reach into it).
    // Both halves seek the (agent_number, started_at) index instead of scanning the agent's whole past.
    // An open row (ended_at NULL) is the current state and runs until now.
    private const string SelectHistory = """
        SELECT agent_number AS AgentNumber, state AS State, pause_code AS PauseCode, started_at AS StartedAt, ended_at AS EndedAt
        FROM agent_state_history
        WHERE agent_number = @AgentNumber AND started_at >= @WindowStart AND started_at < @WindowEnd
        UNION ALL
        SELECT agent_number AS AgentNumber, state AS State, pause_code AS PauseCode, started_at AS StartedAt, ended_at AS EndedAt
        FROM agent_state_history
        WHERE agent_number = @AgentNumber AND (ended_at IS NULL OR ended_at > @WindowStart)
          AND started_at = (SELECT MAX(p.started_at) FROM agent_state_history p WHERE p.agent_number = @AgentNumber AND p.started_at < @WindowStart)
        """;

    private const string SelectCalls = """
        SELECT agent_number AS AgentNumber, answered_at AS AnsweredAt FROM agent_call
        WHERE agent_number = @AgentNumber AND answered_at >= @WindowStart AND answered_at < @WindowEnd
        """;

    private const string SelectAgents = "SELECT agent_number FROM agent ORDER BY agent_number";

    private const string SelectPauseCodes = "SELECT code AS Code, name AS Name, productive AS Productive FROM pause_code";

    /// <summary>
    /// Per agent and local day from <paramref name="from"/> to <paramref name="to"/> inclusive; every agent when
    /// <paramref name="agentNumber"/> is null, read one agent at a time so a year of a large center never sits in memory at once.
    /// </summary>
    public Task<StatisticsResult> ComputeAsync(string? agentNumber, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var zone = options.Zone();
        // A day wider than the local days on each side, as a margin; the calculator keeps only the parts of each
        // interval that fall on the requested local days.
        var windowStart = AgentStatisticsCalculator.StartOfLocalDay(from, zone).UtcDateTime.AddDays(-1);
        var windowEnd = AgentStatisticsCalculator.StartOfLocalDay(to.AddDays(1), zone).UtcDateTime.AddDays(1);
        return database.WithConnectionAsync(async (c, token) =>
        {
            var agents = agentNumber is null
                ? (await c.QueryAsync<string>(new CommandDefinition(SelectAgents, cancellationToken: token))).ToList()
                : [agentNumber];
            var days = new List<AgentDayStatistics>();
            foreach (var agent in agents)
            {
                var args = new { AgentNumber = agent, WindowStart = windowStart, WindowEnd = windowEnd };
                var history = await c.QueryAsync<HistoryRow>(new CommandDefinition(SelectHistory, args, cancellationToken: token));
                var calls = await c.QueryAsync<CallRow>(new CommandDefinition(SelectCalls, args, cancellationToken: token));
                var now = time.GetUtcNow();
                var intervals = history.Select(h => new StateInterval(h.AgentNumber, h.State, h.PauseCode, Utc(h.StartedAt), h.EndedAt is { } end ? Utc(end) : now));
                // The calculator also gives the days an agent spent logged out (all zeros); a report lists days with activity.
                days.AddRange(AgentStatisticsCalculator.Compute(intervals, calls.Select(a => (a.AgentNumber, Utc(a.AnsweredAt))), zone, from, to)
                    .Where(d => d.LoggedIn > TimeSpan.Zero || d.CallsAnswered > 0));
            }
            var codes = await c.QueryAsync<PauseCodeRow>(new CommandDefinition(SelectPauseCodes, cancellationToken: token));
            return new StatisticsResult(days, codes.ToDictionary(p => p.Code, p => new PauseCodeInfo(p.Name, p.Productive), StringComparer.Ordinal));
        }, ct);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);

    private sealed class HistoryRow
    {
        public string AgentNumber { get; set; } = string.Empty;

        public string State { get; set; } = string.Empty;

        public string? PauseCode { get; set; }

        public DateTime StartedAt { get; set; }

        public DateTime? EndedAt { get; set; }
    }

    private sealed class CallRow
    {
        public string AgentNumber { get; set; } = string.Empty;

        public DateTime AnsweredAt { get; set; }
    }

    private sealed class PauseCodeRow
    {
        public string Code { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public bool Productive { get; set; }
    }
}
