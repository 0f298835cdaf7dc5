namespace ContactCenter.PbxSimulator.Queues;

/// <summary>How a queue picks the member(s) to ring.</summary>
internal enum QueueStrategy
{
    RingAll,
    RrMemory,
    LeastRecent,
    Random,
    Linear,
    FewestCalls,
}

/// <summary>Member conditions of <c>joinempty</c>/<c>leavewhenempty</c>: a member in one of these counts as absent.</summary>
[Flags]
internal enum EmptyConditions
{
    None = 0,
    Penalty = 1,
    Paused = 2,
    InUse = 4,
    Ringing = 8,
    Unavailable = 16,
    Invalid = 32,
    Unknown = 64,
    Wrapup = 128,
}

/// <summary>A static <c>member =&gt;</c> line of queues.conf.</summary>
internal sealed record StaticMember(string Interface, int Penalty, string MemberName, string StateInterface);

/// <summary>One queue of queues.conf, with app_queue's defaults for what the file leaves out.</summary>
internal sealed class QueueDefinition
{
    public required string Name { get; init; }

    public QueueStrategy Strategy { get; set; } = QueueStrategy.RingAll;

    public int Timeout { get; set; } = 15;

    public int Retry { get; set; } = 5;

    public int WrapupTime { get; set; }

    public EmptyConditions JoinEmpty { get; set; }

    public EmptyConditions LeaveWhenEmpty { get; set; }

    public bool RingInUse { get; set; } = true;

    public int MaxLen { get; set; }

    public int ServiceLevel { get; set; }

    public string MusicClass { get; set; } = "default";

    public bool SetInterfaceVar { get; set; }

    public bool SetQueueVar { get; set; }

    public bool SetQueueEntryVar { get; set; }

    public int Weight { get; set; }

    public bool AutoFill { get; set; } = true;

    public bool TimeoutPriorityConf { get; set; }

    public List<StaticMember> StaticMembers { get; } = [];

    public string StrategyName => Strategy switch
    {
        QueueStrategy.RingAll => "ringall",
        QueueStrategy.RrMemory => "rrmemory",
        QueueStrategy.LeastRecent => "leastrecent",
        QueueStrategy.Random => "random",
        QueueStrategy.Linear => "linear",
        QueueStrategy.FewestCalls => "fewestcalls",
        _ => "ringall",
    };
}

/// <summary>queues.conf: the <c>[general]</c> switches and the queues in file order (templates excluded).</summary>
internal sealed class QueuesConfig
{
    public bool PersistentMembers { get; set; } = true;

    public bool AutoFill { get; set; } = true;

    public bool SharedLastCall { get; set; } = true;

    public List<QueueDefinition> Queues { get; } = [];
}
