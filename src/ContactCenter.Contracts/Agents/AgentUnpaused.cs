namespace ContactCenter.Contracts.Agents;

/// <summary>The agent was unpaused in <see cref="Queues"/> (Asterisk confirmed).</summary>
public sealed record AgentUnpaused(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string AgentNumber,
    string Extension,
    IReadOnlyList<string> Queues,
    string Source) : IContactCenterEvent;
