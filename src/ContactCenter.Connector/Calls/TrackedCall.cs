namespace ContactCenter.Connector.Calls;

/// <summary>What the connector knows about one call (one Linkedid) while it lasts. Dropped when it ends.</summary>
internal sealed class TrackedCall
{
    public TrackedCall(string linkedid, TrackedChannel first, string direction, string callerIdNum, string callerIdName,
        string dialedExtension, string context, DateTimeOffset startedAt, long startSequence, bool featureCode, bool learned)
    {
        Linkedid = linkedid;
        FirstUniqueid = first.Uniqueid;
        FirstChannel = first.Name;
        Direction = direction;
        CallerIdNum = callerIdNum;
        CallerIdName = callerIdName;
        DialedExtension = dialedExtension;
        Context = context;
        StartedAt = startedAt;
        StartSequence = startSequence;
        IsFeatureCode = featureCode;
        Learned = learned;
    }

    public string Linkedid { get; }

    public string FirstUniqueid { get; }

    public string FirstChannel { get; }

    public string Direction { get; set; }

    public string CallerIdNum { get; }

    public string CallerIdName { get; }

    public string DialedExtension { get; }

    public string Context { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Stream position of the event that started it: a snapshot taken before it cannot judge it.</summary>
    public long StartSequence { get; }

    /// <summary>A feature-code call (<c>**…</c>): tracked so its channels are known, but no call events.</summary>
    public bool IsFeatureCode { get; }

    public bool Learned { get; }

    public HashSet<string> Channels { get; } = new(StringComparer.Ordinal);

    public bool Answered { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }

    public string? AnsweredUniqueid { get; set; }

    /// <summary>The last queue the call joined.</summary>
    public string? Queue { get; set; }

    public bool Abandoned { get; set; }

    /// <summary>The <c>QUEUESTATUS</c> app_queue left (TIMEOUT, JOINEMPTY, LEAVEEMPTY, FULL…).</summary>
    public string? QueueStatus { get; set; }

    /// <summary>The last <c>DialStatus</c> of a DialEnd outside queues (NOANSWER, BUSY…).</summary>
    public string? LastDialStatus { get; set; }

    /// <summary><c>AgentComplete</c>'s Reason: caller, agent or transfer.</summary>
    public string? CompleteReason { get; set; }

    public List<string> OfferedTo { get; } = [];

    /// <summary>Who asked first for a hang-up (a non-soft <c>HangupRequest</c>).</summary>
    public string? HungUpBy { get; set; }

    public int Cause { get; set; }

    public string CauseText { get; set; } = string.Empty;

    /// <summary>The <c>CC_CALL_ID</c> of calls the product originated.</summary>
    public string? CorrelationId { get; set; }
}
