namespace ContactCenter.Contracts.Agents;

/// <summary>
/// The agent's overall state changed (<see cref="AgentState"/>): entered at <see cref="IContactCenterEvent.OccurredAt"/>.
/// The live supervisor view is built from this event.
/// </summary>
/// <param name="PauseCode">The pause code when <see cref="State"/> is paused, else null.</param>
/// <param name="Linkedid">The call when ringing, on a call or in wrap-up, else null.</param>
public sealed record AgentStateChanged(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string AgentNumber,
    string State,
    string PreviousState,
    string? Extension,
    string? PauseCode,
    string? Linkedid,
    string Source) : IContactCenterEvent;
