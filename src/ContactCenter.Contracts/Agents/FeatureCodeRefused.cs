namespace ContactCenter.Contracts.Agents;

/// <summary>A feature code was refused; the phone heard the refusal prompt.</summary>
/// <param name="Reason">See <see cref="FeatureCodeRefusalReason"/>.</param>
/// <param name="Detail">For people: e.g. "agent 999 does not exist".</param>
/// <param name="AgentNumber">The agent concerned, when known.</param>
public sealed record FeatureCodeRefused(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Extension,
    string Code,
    string Reason,
    string Detail,
    string? AgentNumber) : IContactCenterEvent;
