namespace ContactCenter.Contracts.Agents;

/// <summary>The agent was paused with a pause code in <see cref="Queues"/> (Asterisk confirmed).</summary>
/// <param name="Productive">Whether the center counts this pause as productive time (e.g. back-office work).</param>
public sealed record AgentPaused(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string AgentNumber,
    string Extension,
    string PauseCode,
    string PauseName,
    bool Productive,
    IReadOnlyList<string> Queues,
    string Source) : IContactCenterEvent;
