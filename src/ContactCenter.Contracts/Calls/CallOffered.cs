namespace ContactCenter.Contracts.Calls;

/// <summary>A queue member's phone is ringing with this call (<c>AgentCalled</c>). Several may ring for one call.</summary>
/// <param name="Interface">The member's interface, e.g. <c>PJSIP/6001</c>.</param>
/// <param name="MemberName">The member name the product gave in <c>QueueAdd</c>.</param>
/// <param name="MemberUniqueid">Uniqueid of the channel ringing the member.</param>
public sealed record CallOffered(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Linkedid,
    string Uniqueid,
    string Queue,
    string Interface,
    string MemberName,
    string MemberUniqueid) : ICallEvent;
