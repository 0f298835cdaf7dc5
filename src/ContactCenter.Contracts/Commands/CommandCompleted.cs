namespace ContactCenter.Contracts.Commands;

/// <summary>
/// The answer to every <see cref="IAsteriskCommand"/>: never silence. Published by the connector that owns
/// the server; a command redelivered after it completed is answered again with the same outcome, not re-executed.
/// </summary>
/// <param name="CommandId">The command's id.</param>
/// <param name="Command">The command type name, e.g. <c>AddQueueMember</c>.</param>
/// <param name="Succeeded">Whether the intent holds now (an already-present member counts as success).</param>
/// <param name="Outcome">See <see cref="CommandOutcome"/>.</param>
/// <param name="Detail">Asterisk's own message or the error, for people; empty when there is nothing to say.</param>
/// <param name="Uniqueid">For OriginateCall: the Uniqueid (and Linkedid) of the call placed, else null.</param>
public sealed record CommandCompleted(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    Guid CommandId,
    string Command,
    string RequestedBy,
    bool Succeeded,
    string Outcome,
    string Detail,
    string? Uniqueid) : IContactCenterEvent;
