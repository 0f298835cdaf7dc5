namespace ContactCenter.PbxSimulator;

/// <summary>A queue member as the simulator holds it (what QueueStatus would report).</summary>
public sealed record QueueMemberInfo(
    string Queue,
    string Interface,
    string MemberName,
    bool Paused,
    string PausedReason,
    int Penalty,
    int Status,
    bool InCall,
    int CallsTaken,
    bool Dynamic);

/// <summary>A live channel.</summary>
public sealed record ChannelInfo(
    string Id,
    string Name,
    string State,
    string Context,
    string Exten,
    int Priority,
    string CallerIdNum,
    string CallerIdName,
    string Application,
    string ApplicationData,
    string Linkedid,
    string? BridgeId);

/// <summary>A playback, from ARI or from the Playback application: tests assert which prompt a caller heard.</summary>
public sealed record PlaybackInfo(
    string Id,
    string ChannelId,
    string ChannelName,
    string MediaUri,
    string State,
    DateTimeOffset Started,
    DateTimeOffset? Finished,
    bool FromAri)
{
    /// <summary>
    /// ARI playbacks: wall-clock time from the simulator sending the channel's StasisStart to this play request
    /// arriving (how long the application took to answer the caller; measured on the wall clock whatever the
    /// simulated clock does). Null for the Playback dialplan application.
    /// </summary>
    public TimeSpan? SinceStasisStart { get; init; }
}

/// <summary>A MixMonitor recording.</summary>
public sealed record RecordingInfo(string ChannelId, string ChannelName, string Path, DateTimeOffset Started, DateTimeOffset? Stopped);
