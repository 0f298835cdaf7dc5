namespace ContactCenter.PbxSimulator.Engine;

/// <summary>What a scripted caller does: hang up after talking for a while, or give up waiting.</summary>
internal sealed class InboundScript
{
    /// <summary>Talk time once the call is bridged to someone; null = stay until the other side hangs up.</summary>
    public TimeSpan? TalkTime { get; init; }

    /// <summary>How long the caller waits to be connected before hanging up (abandon); null = forever.</summary>
    public TimeSpan? Patience { get; init; }

    internal SimTimer? PatienceTimer { get; set; }

    internal bool Connected { get; set; }
}
