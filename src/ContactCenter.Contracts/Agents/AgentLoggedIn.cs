namespace ContactCenter.Contracts.Agents;

/// <summary>The agent is logged in at <see cref="Extension"/>: Asterisk confirmed membership of <see cref="Queues"/>.</summary>
/// <param name="Extension">The interface, e.g. <c>PJSIP/6001</c>.</param>
/// <param name="Source">See <see cref="AgentStateSource"/>.</param>
public sealed record AgentLoggedIn(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string AgentNumber,
    string AgentName,
    string Extension,
    IReadOnlyList<string> Queues,
    string Source) : IContactCenterEvent;
