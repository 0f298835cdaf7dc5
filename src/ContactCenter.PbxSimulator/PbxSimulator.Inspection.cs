using ContactCenter.PbxSimulator.Channels;

namespace ContactCenter.PbxSimulator;

public sealed partial class PbxSimulator
{
    /// <summary>Members of a queue with their pause state, reason and penalty.</summary>
    /// <exception cref="ArgumentException">No such queue.</exception>
    public IReadOnlyList<QueueMemberInfo> QueueMembers(string queue) => Engine.Gate.Run(() =>
    {
        var q = Engine.Queues.Find(queue) ?? throw new ArgumentException($"There is no queue '{queue}' (queues.conf has {string.Join(", ", Engine.Queues.All.Select(x => x.Name))})", nameof(queue));
        return (IReadOnlyList<QueueMemberInfo>)q.Members
            .Select(m => new QueueMemberInfo(q.Name, m.Interface, m.MemberName, m.Paused, m.PausedReason, m.Penalty, m.Status, m.InCall, m.CallsTaken, m.Dynamic))
            .ToArray();
    });

    /// <summary>Callers waiting in a queue (channel names, position order).</summary>
    public IReadOnlyList<string> QueueCallers(string queue) => Engine.Gate.Run(() =>
        (IReadOnlyList<string>)(Engine.Queues.Find(queue)?.Callers.Select(c => c.Caller.Name).ToArray() ?? []));

    /// <summary>The live channels, oldest first.</summary>
    public IReadOnlyList<ChannelInfo> Channels => Engine.Gate.Run(() =>
        (IReadOnlyList<ChannelInfo>)Engine.LiveChannels.Select(c => new ChannelInfo(c.Uniqueid, c.Name, ChannelStates.Describe(c.State), c.Context, c.Exten,
            c.Priority, c.CallerNum, c.CallerName, c.Application, c.ApplicationData, c.Linkedid, c.Bridge?.Id)).ToArray());

    /// <summary>Every playback since start, oldest first (they survive the channel).</summary>
    public IReadOnlyList<PlaybackInfo> PlaybackHistory => Engine.Gate.Run(() =>
        (IReadOnlyList<PlaybackInfo>)Engine.Playbacks.Select(p => new PlaybackInfo(p.Id, p.ChannelId, p.ChannelName, p.MediaUri, p.State, p.Started, p.Finished, p.FromAri)
        {
            SinceStasisStart = p.SinceStasisStart,
        }).ToArray());

    /// <summary>Playbacks on one channel (by id or name), oldest first.</summary>
    public IReadOnlyList<PlaybackInfo> Playbacks(string channelIdOrName) =>
        PlaybackHistory.Where(p => p.ChannelId == channelIdOrName || p.ChannelName == channelIdOrName).ToArray();

    /// <summary>Every MixMonitor recording since start.</summary>
    public IReadOnlyList<RecordingInfo> Recordings => Engine.Gate.Run(() =>
        (IReadOnlyList<RecordingInfo>)Engine.Recordings.Select(r => new RecordingInfo(r.ChannelId, r.ChannelName, r.Path, r.Started, r.Stopped)).ToArray());

    /// <summary>The Stasis applications with a connected event WebSocket.</summary>
    public IReadOnlyList<string> StasisApplications => Engine.Gate.Run(() => Engine.Ari.Applications);

    /// <summary>AMI events emitted since start and their bytes (each counted once, however many clients read them).</summary>
    public (long Events, long Bytes) AmiTraffic => (Engine.Log.Events, Engine.Log.EventBytes);

    /// <summary>AMI clients connected now.</summary>
    public int AmiSessions => Ami.Sessions.Count;
}
