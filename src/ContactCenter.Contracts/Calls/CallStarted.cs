namespace ContactCenter.Contracts.Calls;

/// <summary>
/// A call began: the first channel of a new <c>Linkedid</c>. One per call, however many channels,
/// queue members or transfers follow; every later call event carries the same <see cref="Linkedid"/>.
/// </summary>
/// <param name="Linkedid">Asterisk's id of the whole call: the Uniqueid of its first channel.</param>
/// <param name="Uniqueid">The first channel's Uniqueid (equal to Linkedid for calls the connector saw start).</param>
/// <param name="Channel">The first channel's name, e.g. <c>PJSIP/trunk-0000000a</c>.</param>
/// <param name="Direction">See <see cref="CallDirection"/>.</param>
/// <param name="CallerIdNum">The calling number.</param>
/// <param name="CallerIdName">The calling name, empty when unknown.</param>
/// <param name="DialedExtension">The extension the first channel dialled (<c>7000</c>), or <c>s</c> for originated calls.</param>
/// <param name="Context">Dialplan context of the first channel.</param>
/// <param name="Learned">True when the connector found the call already up after a reconnect, so it did not see it start.</param>
public sealed record CallStarted(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Linkedid,
    string Uniqueid,
    string Channel,
    string Direction,
    string CallerIdNum,
    string CallerIdName,
    string DialedExtension,
    string Context,
    bool Learned) : ICallEvent;
