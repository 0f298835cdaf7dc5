namespace ContactCenter.Asterisk.Ami.Events;

/// <summary><c>QueueCallerJoin</c> / <c>QueueCallerLeave</c>: a caller entered or left a queue.</summary>
public sealed record QueueCallerEvent(AmiChannel Channel, string Queue, int Position, int Count, bool Joined) : AmiEvent;

/// <summary><c>QueueCallerAbandon</c>: the caller hung up while waiting.</summary>
public sealed record QueueCallerAbandonEvent(AmiChannel Channel, string Queue, int Position, int OriginalPosition, int HoldTime) : AmiEvent;

/// <summary>What happened to one ring of one queue member.</summary>
public enum AgentEventKind
{
    /// <summary><c>AgentCalled</c>: the member's phone rings.</summary>
    Called,

    /// <summary><c>AgentRingNoAnswer</c>: the member did not answer within the ring timeout.</summary>
    RingNoAnswer,

    /// <summary><c>AgentConnect</c>: the member answered and is bridged to the caller.</summary>
    Connect,

    /// <summary><c>AgentComplete</c>: the answered call ended.</summary>
    Complete,

    /// <summary><c>AgentDump</c>: the member hung up before the caller was connected.</summary>
    Dump,
}

/// <summary>The <c>Agent*</c> family: the caller channel, the member's channel, and timings where Asterisk gives them.</summary>
public sealed record AgentEvent(
    AgentEventKind Kind,
    AmiChannel Caller,
    AmiChannel? Member,
    string Queue,
    string Interface,
    string MemberName,
    int HoldTime,
    int RingTime,
    int TalkTime,
    string Reason) : AmiEvent;

/// <summary>Which queue-member event a <see cref="QueueMemberEvent"/> is.</summary>
public enum QueueMemberEventKind
{
    Added,
    Removed,

    /// <summary><c>QueueMemberPause</c>: pause and unpause alike (<see cref="AmiQueueMember.Paused"/> tells).</summary>
    Pause,

    /// <summary><c>QueueMemberStatus</c>: device status changed (1 idle, 2 in use, 6 ringing…).</summary>
    Status,
    Penalty,
    Ringinuse,

    /// <summary>A <c>QueueMember</c> item of a <c>QueueStatus</c> list.</summary>
    ListItem,
}

/// <summary>A queue member as Asterisk reports it in member events and <c>QueueStatus</c> lists.</summary>
public sealed record AmiQueueMember(
    string Queue,
    string MemberName,
    string Interface,
    string StateInterface,
    string Membership,
    int Penalty,
    int CallsTaken,
    long LastCall,
    long LastPause,
    long LoginTime,
    bool InCall,
    int Status,
    bool Paused,
    string PausedReason,
    int WrapupTime)
{
    /// <summary>The device whose state is the member's: its state interface, else its interface.</summary>
    public string Device => StateInterface.Length > 0 ? StateInterface : Interface;
}

/// <summary><c>QueueMemberAdded/Removed/Pause/Status/Penalty/Ringinuse</c>.</summary>
public sealed record QueueMemberEvent(QueueMemberEventKind Kind, AmiQueueMember Member) : AmiEvent;

/// <summary>A <c>QueueParams</c> item of a <c>QueueStatus</c> list.</summary>
public sealed record QueueParamsEvent(string Queue, string Strategy, int Calls, int HoldTime, int TalkTime, int Completed, int Abandoned) : AmiEvent;

/// <summary>A <c>QueueEntry</c> item of a <c>QueueStatus</c> list: a caller waiting.</summary>
public sealed record QueueEntryEvent(string Queue, int Position, string Channel, string Uniqueid, string CallerIdNum, int Wait) : AmiEvent;
