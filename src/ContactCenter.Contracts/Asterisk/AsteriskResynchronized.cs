namespace ContactCenter.Contracts.Asterisk;

/// <summary>
/// After a reconnect, a restart or lost events the connector compared what it tracked with Asterisk's
/// snapshot (<c>CoreShowChannels</c>, <c>QueueStatus</c>) and corrected itself; this says what changed.
/// </summary>
/// <param name="Trigger"><c>connected</c>, <c>restarted</c> or <c>events-lost</c>.</param>
/// <param name="CallsEnded">Linkedids of calls ended with reason <c>lost-during-disconnect</c>.</param>
/// <param name="CallsLearned">Linkedids of calls found up that the connector had not seen start.</param>
/// <param name="MembersAdded">Members present in Asterisk the connector did not know (<c>queue/interface</c>).</param>
/// <param name="MembersRemoved">Members the connector knew that Asterisk no longer has.</param>
/// <param name="MembersChanged">Members whose pause state, pause reason or penalty differed.</param>
public sealed record AsteriskResynchronized(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Trigger,
    bool AsteriskRestarted,
    IReadOnlyList<string> CallsEnded,
    IReadOnlyList<string> CallsLearned,
    IReadOnlyList<string> MembersAdded,
    IReadOnlyList<string> MembersRemoved,
    IReadOnlyList<string> MembersChanged) : IContactCenterEvent;
