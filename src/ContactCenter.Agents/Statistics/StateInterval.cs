namespace ContactCenter.Agents.Statistics;

/// <summary>A stretch of one agent in one state (a history row); an open row ends "now".</summary>
internal sealed record StateInterval(string AgentNumber, string State, string? PauseCode, DateTimeOffset Start, DateTimeOffset End);
