using System.Collections.Concurrent;

namespace ContactCenter.Connector.FeatureCodes;

/// <summary>
/// A phone held in the Stasis application after dialling a feature code, waiting for the answer. Exactly
/// one party gets to answer it: the <c>PlayAndHangUp</c> command or the deadline (<see cref="TryClaim"/>).
/// </summary>
internal sealed class HeldChannel
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _playbacks = new(StringComparer.Ordinal);
    private readonly Lock _workLock = new();
    private readonly HashSet<Guid> _succeededSteps = [];
    private bool _stepFailed;
    private Task _work = Task.CompletedTask;
    private int _claimed;
    private int _playbackCount;

    public HeldChannel(string channelId, string channel, string extension, string code, Guid eventId, DateTimeOffset answerBy)
    {
        ChannelId = channelId;
        Channel = channel;
        Extension = extension;
        Code = code;
        EventId = eventId;
        AnswerBy = answerBy;
    }

    public string ChannelId { get; }

    public string Channel { get; }

    public string Extension { get; }

    public string Code { get; }

    /// <summary>The <c>FeatureCodeDialed</c> event id.</summary>
    public Guid EventId { get; }

    public DateTimeOffset AnswerBy { get; }

    /// <summary>Completes when the channel left the application (hung up, or hung up by us).</summary>
    public TaskCompletionSource Gone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Asterisk answering the channel (ARI answer), started before the code is published and awaited before any
    /// prompt plays: the phone's wait does not include the answer's round trip.
    /// </summary>
    public Task Answering { get; set; } = Task.CompletedTask;

    /// <summary>Cancelled when the answer arrived, so the deadline stops waiting.</summary>
    public CancellationTokenSource Answered { get; } = new();

    /// <summary>The connector's stopping token: work on the channel's own task ends with it.</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>The work started for this channel (answer, deadline, the end of a prompt), awaited on shutdown.</summary>
    public Task Work
    {
        get
        {
            lock (_workLock)
            {
                return _work;
            }
        }
    }

    /// <summary>Adds work that runs on the channel's own task (the event pump and the command consumers both start some).</summary>
    public void AddWork(Task work)
    {
        lock (_workLock)
        {
            _work = Task.WhenAll(_work, work);
        }
    }

    /// <summary>
    /// Counts one answered queue command of the operation (each command id once, whatever redeliveries bring):
    /// <see cref="StepTally.Failed"/> at the first failure, <see cref="StepTally.AllSucceeded"/> when the last of
    /// <paramref name="steps"/> succeeded, otherwise <see cref="StepTally.Waiting"/>; each of the first two once.
    /// </summary>
    public StepTally CountStep(Guid commandId, bool succeeded, int steps)
    {
        lock (_workLock)
        {
            if (_stepFailed)
            {
                return StepTally.Waiting;
            }
            if (!succeeded)
            {
                _stepFailed = true;
                return StepTally.Failed;
            }
            return _succeededSteps.Add(commandId) && _succeededSteps.Count == steps ? StepTally.AllSucceeded : StepTally.Waiting;
        }
    }

    /// <summary>True for the first caller only: the command or the deadline.</summary>
    public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

    /// <summary>A new playback id and the task that completes when Asterisk says it finished.</summary>
    public (string PlaybackId, Task Finished) NextPlayback()
    {
        var id = $"{ChannelId}-pb{Interlocked.Increment(ref _playbackCount)}";
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _playbacks[id] = finished;
        return (id, finished.Task);
    }

    public void PlaybackFinished(string playbackId)
    {
        if (_playbacks.TryRemove(playbackId, out var finished))
        {
            finished.TrySetResult();
        }
    }
}

/// <summary>Where the queue commands of a held phone's operation stand (<see cref="HeldChannel.CountStep"/>).</summary>
internal enum StepTally
{
    Waiting,
    AllSucceeded,
    Failed,
}
