namespace ContactCenter.Contracts.Queues;

/// <summary>A queue member as Asterisk reports it.</summary>
/// <param name="Interface">The member's interface, e.g. <c>PJSIP/6001</c>.</param>
/// <param name="MemberName">The name given in <c>QueueAdd</c> (the product uses the agent number).</param>
/// <param name="Status">Asterisk's device status: 1 not in use, 2 in use, 3 busy, 5 unavailable, 6 ringing, 7 ring+in use, 8 on hold.</param>
/// <param name="Dynamic">Added at run time (<c>QueueAdd</c>) rather than in queues.conf.</param>
public sealed record QueueMember(
    string Queue,
    string Interface,
    string MemberName,
    string StateInterface,
    int Penalty,
    bool Paused,
    string PausedReason,
    int Status,
    bool InCall,
    int CallsTaken,
    bool Dynamic);
