namespace ContactCenter.Contracts.Agents;

/// <summary>The agent left every queue (Asterisk confirmed); <see cref="Reason"/> says why (e.g. <c>removed from every queue</c>).</summary>
public sealed record AgentLoggedOut(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string AgentNumber,
    string Extension,
    string Source,
    string Reason) : IContactCenterEvent;
