namespace ContactCenter.PbxSimulator.Engine;

/// <summary>The dialplan execution of one channel (its "PBX thread" in Asterisk terms).</summary>
internal sealed class PbxRun
{
    /// <summary>False once the dialplan ended (hangup, fall-through, or handed over to a bridge that hangs the channel up).</summary>
    public bool Active { get; set; } = true;

    /// <summary>Steps executed, to stop a dialplan that loops on itself (Goto to the same priority forever).</summary>
    public int Steps { get; set; }
}

/// <summary>A playback started by ARI or by the Playback application, kept for inspection.</summary>
internal sealed class PlaybackRecord
{
    public required string Id { get; init; }

    public required string MediaUri { get; init; }

    public required string ChannelId { get; init; }

    public required string ChannelName { get; init; }

    public required string Language { get; init; }

    public required DateTimeOffset Started { get; init; }

    public DateTimeOffset? Finished { get; set; }

    /// <summary><c>queued</c>, <c>playing</c>, <c>done</c>, <c>cancelled</c>.</summary>
    public string State { get; set; } = "queued";

    /// <summary>True when ARI asked for it; false for the Playback dialplan application.</summary>
    public bool FromAri { get; init; }

    /// <summary>ARI playbacks: wall-clock time from the channel's StasisStart being sent to this play request arriving.</summary>
    public TimeSpan? SinceStasisStart { get; set; }

    internal SimTimer? Timer { get; set; }
}

/// <summary>A MixMonitor recording, kept for inspection.</summary>
internal sealed record RecordingRecord(string ChannelId, string ChannelName, string Path, DateTimeOffset Started)
{
    public DateTimeOffset? Stopped { get; set; }
}
