namespace ContactCenter.PbxSimulator.Queues;

/// <summary>A member of one queue (dynamic from QueueAdd, or static from queues.conf), as app_queue tracks it.</summary>
internal sealed class QueueMember
{
    public required string Interface { get; init; }

    public required string MemberName { get; set; }

    public required string StateInterface { get; init; }

    public bool Dynamic { get; init; } = true;

    public int Penalty { get; set; }

    public int CallsTaken { get; set; }

    /// <summary>Unix seconds of the end of the last call taken from this queue (0 = never).</summary>
    public long LastCall { get; set; }

    public long LastPause { get; set; }

    public long LoginTime { get; init; }

    public bool InCall { get; set; }

    public bool Paused { get; set; }

    public string PausedReason { get; set; } = string.Empty;

    public bool RingInUse { get; set; }

    /// <summary>Member-level wrap-up override from QueueAdd (0 = the queue's).</summary>
    public int WrapupTime { get; set; }

    /// <summary>Order of addition (linear strategy).</summary>
    public long Order { get; init; }

    /// <summary>When the last call ended (simulated time), for wrap-up.</summary>
    public DateTimeOffset? LastCallEnded { get; set; }

    /// <summary>Numeric device state of <see cref="StateInterface"/> (1 idle, 2 in use, 6 ringing …), as last reported.</summary>
    public int Status { get; set; } = 1;
}

/// <summary>Asterisk device states: the names of DeviceStateChange and the numbers of QueueMember <c>Status</c>.</summary>
internal static class DeviceStates
{
    public const string Unknown = "UNKNOWN";
    public const string NotInUse = "NOT_INUSE";
    public const string InUse = "INUSE";
    public const string Busy = "BUSY";
    public const string Invalid = "INVALID";
    public const string Unavailable = "UNAVAILABLE";
    public const string Ringing = "RINGING";
    public const string RingInUse = "RINGINUSE";
    public const string OnHold = "ONHOLD";

    public static int Number(string state) => state switch
    {
        NotInUse => 1,
        InUse => 2,
        Busy => 3,
        Invalid => 4,
        Unavailable => 5,
        Ringing => 6,
        RingInUse => 7,
        OnHold => 8,
        _ => 0,
    };
}
