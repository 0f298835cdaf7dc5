namespace ContactCenter.Agents.Operations;

/// <summary>
/// An agent asking (by phone or web) to log in, pause, unpause or log out. For phone requests the id is
/// the <c>FeatureCodeDialed</c> event id, so a redelivered event finds its operation and does nothing twice.
/// </summary>
/// <param name="AgentNumber">The agent (web, and phone login); null for phone pause/unpause/logout, found by extension.</param>
/// <param name="Interface">The extension: where to log in, or where the phone dialled from.</param>
/// <param name="Queues">A subset of queues (web); null for all linked (login) or all logged-in (others).</param>
/// <param name="ChannelId">The held phone channel to answer, for phone requests.</param>
/// <param name="Code">The dialled feature code, for phone requests.</param>
internal sealed record OperationRequest(
    Guid Id,
    string Kind,
    string Server,
    string? AgentNumber,
    string Interface,
    string? PauseCode,
    IReadOnlyList<string>? Queues,
    string Source,
    string RequestedBy,
    string? ChannelId,
    string? Code,
    DateTime AnswerBy);

/// <summary>What starting an operation gave: refused (with the reason), done at once, or pending Asterisk.</summary>
internal sealed record OperationStart(Guid Id, string Status, string? RefusalReason, string Detail, string? AgentNumber)
{
    public bool Refused => Status == OperationStatus.Refused;
}
