using System.Collections.Concurrent;
using ContactCenter.Asterisk.Ari;
using ContactCenter.Connector.Outbox;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Channels;
using ContactCenter.Contracts.Commands;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Connector.FeatureCodes;

/// <summary>
/// The Stasis application of one server. A phone that dials a feature code lands here: the channel is
/// answered and held while <see cref="FeatureCodeDialed"/> is published, and the agent-state consumers answer
/// with a <c>PlayAndHangUp</c> command (the prompt the agent hears). If no answer comes before the
/// deadline, the phone hears the "try later" prompt, is hung up, and <see cref="FeatureCodeTimedOut"/>
/// tells the consumers to undo anything they did late.
/// </summary>
internal sealed partial class FeatureCodeApp
{
    private readonly string _server;
    private readonly AriClient _ari;
    private readonly EventOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly TimeSpan _answerTimeout;
    private readonly IReadOnlyList<string> _tryLater;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, HeldChannel> _held = new(StringComparer.Ordinal);

    public FeatureCodeApp(string server, AriClient ari, EventOutbox outbox, TimeProvider time, TimeSpan answerTimeout, IReadOnlyList<string> tryLater, ILogger logger)
    {
        _server = server;
        _ari = ari;
        _outbox = outbox;
        _time = time;
        _answerTimeout = answerTimeout;
        _tryLater = tryLater;
        _logger = logger;
    }

    public int HeldCount => _held.Count;

    public IEnumerable<Task> Work => _held.Values.Select(h => h.Work);

    /// <summary>A channel entered the application: answer it while publishing the code, start the deadline.</summary>
    public void OnStasisStart(StasisStart e, CancellationToken ct)
    {
        var channel = e.Channel;
        var now = _time.GetUtcNow();
        var held = new HeldChannel(channel.Id, channel.Name, DeviceOf(channel.Name), channel.Dialplan.Exten, Guid.NewGuid(), now + _answerTimeout)
        {
            Stopping = ct,
        };
        if (!_held.TryAdd(channel.Id, held))
        {
            return;
        }
        held.AddWork(HoldAsync(held, channel.Caller.Number, now, ct));
    }

    public void OnStasisEnd(StasisEnd e)
    {
        if (_held.TryRemove(e.Channel.Id, out var held))
        {
            held.Gone.TrySetResult();
        }
    }

    public void OnPlaybackFinished(PlaybackFinished e)
    {
        // target_uri is "channel:<id>".
        var target = e.Playback.TargetUri;
        var channelId = target.StartsWith("channel:", StringComparison.Ordinal) ? target[8..] : target;
        if (_held.TryGetValue(channelId, out var held))
        {
            held.PlaybackFinished(e.Playback.Id);
        }
    }

    /// <summary>
    /// Compares held channels with the application's channels in Asterisk: forgets those gone, returns those
    /// Asterisk holds that this process does not know (they arrived while the WebSocket was down).
    /// </summary>
    public (IReadOnlyList<string> Forgotten, IReadOnlyList<string> Orphans) ReconcileHeld(IReadOnlyCollection<string> inAsterisk)
    {
        var present = new HashSet<string>(inAsterisk, StringComparer.Ordinal);
        var forgotten = new List<string>();
        foreach (var (id, held) in _held)
        {
            if (!present.Contains(id) && _held.TryRemove(id, out _))
            {
                held.Gone.TrySetResult();
                forgotten.Add(id);
            }
        }
        return (forgotten, present.Where(id => !_held.ContainsKey(id)).ToList());
    }

    /// <summary>
    /// Plays the answer to a held channel and hangs it up (PlayAndHangUp), or keeps it (AnswerAndPlay).
    /// AnswerAndPlay completes when the prompt has been heard: its sender acts next. PlayAndHangUp ends the call, so it
    /// completes as soon as the prompt started; hearing it out and hanging up run on the channel's own task. Awaiting a
    /// two-second prompt here held the command's partition and concurrency slot of the connector queue that long, so
    /// when many phones dialled at once other phones' queue commands and prompts waited behind it and missed the deadline.
    /// </summary>
    public async Task<(bool Succeeded, string Outcome, string Detail)> AnswerAsync(string channelId, IReadOnlyList<string> media, bool hangUp, CancellationToken ct)
    {
        if (!_held.TryGetValue(channelId, out var held))
        {
            return (false, CommandOutcome.ChannelGone, $"channel {channelId} is not held by the application (hung up, or answered already)");
        }
        if (hangUp && !held.TryClaim())
        {
            return (false, CommandOutcome.ChannelGone, $"channel {channelId} was already answered (deadline {held.AnswerBy:O} passed?)");
        }
        await held.Answered.CancelAsync();
        try
        {
            await held.Answering;
            if (!hangUp)
            {
                return await PlayAllAsync(held, media, ct)
                    ? (true, CommandOutcome.Done, string.Empty)
                    : (false, CommandOutcome.ChannelGone, "the caller hung up during the prompt");
            }
            if (media.Count == 0)
            {
                await _ari.HangupAsync(channelId, 16, ct);
                return (true, CommandOutcome.Done, string.Empty);
            }
            var (playbackId, finished) = held.NextPlayback();
            await _ari.PlayAsync(held.ChannelId, media[0], playbackId, null, ct);
            held.AddWork(FinishPromptAsync(held, finished, media.Skip(1).ToList()));
            return (true, CommandOutcome.Done, "prompt playing; the channel is hung up when it ends");
        }
        catch (AriHttpException ex) when (ex.IsNotFound)
        {
            return (false, CommandOutcome.ChannelGone, ex.AsteriskMessage);
        }
    }

    /// <summary>
    /// Asterisk answered one queue command of a held phone's operation: once all of them succeeded the phone hears
    /// the success prompt, at the first failure the failure prompt; then it is hung up. The agents module records
    /// the state from Asterisk's events as before; this only spares the phone the wait for them. Nothing here fails
    /// the command: its Asterisk action is done and its result must still be published, so an unusable answer or a
    /// failed playback is logged, and the phone is left to the deadline (an unusable answer) or hangs up itself.
    /// </summary>
    public async Task StepAnsweredAsync(PhoneAnswer answer, Guid commandId, bool succeeded, CancellationToken ct)
    {
        if (answer.Steps < 1 || answer.OnSuccess is null || answer.OnFailure is null || string.IsNullOrEmpty(answer.ChannelId))
        {
            Log.AnswerUnusable(_logger, _server, commandId, answer.ChannelId ?? "(none)", answer.Steps);
            return;
        }
        if (!_held.TryGetValue(answer.ChannelId, out var held))
        {
            return;
        }
        var media = held.CountStep(commandId, succeeded, answer.Steps) switch
        {
            StepTally.AllSucceeded => answer.OnSuccess,
            StepTally.Failed => answer.OnFailure,
            _ => null,
        };
        if (media is null)
        {
            return;
        }
        try
        {
            var (played, outcome, detail) = await AnswerAsync(answer.ChannelId, media, hangUp: true, ct);
            if (!played)
            {
                Log.AnswerNotPlayed(_logger, _server, answer.ChannelId, answer.OperationId, outcome, detail);
            }
        }
        catch (AriException ex)
        {
            Log.FeatureCodeFailed(_logger, _server, answer.ChannelId, ex.Message, ex);
        }
    }

    private async Task HoldAsync(HeldChannel held, string callerNumber, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            // Answered while the code is being published: the consumers' answer cannot play before it completes.
            held.Answering = _ari.AnswerAsync(held.ChannelId, ct);
            await Task.WhenAll(held.Answering, _outbox.AppendAsync([(new FeatureCodeDialed(held.EventId, _server, now, held.ChannelId, held.Channel,
                held.Extension, callerNumber, held.Code, "ari", held.AnswerBy), 0L)], ct));
            Log.FeatureCodeHeld(_logger, _server, held.Extension, held.Code, held.ChannelId);

            var deadline = held.AnswerBy - _time.GetUtcNow();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, held.Answered.Token);
            try
            {
                await Task.WhenAny(Task.Delay(deadline > TimeSpan.Zero ? deadline : TimeSpan.Zero, _time, linked.Token), held.Gone.Task);
            }
            catch (OperationCanceledException) when (held.Answered.IsCancellationRequested)
            {
                return;
            }
            if (held.Gone.Task.IsCompleted || !held.TryClaim())
            {
                return;
            }
            Log.FeatureCodeTimedOut(_logger, _server, held.Extension, held.Code, _answerTimeout.TotalMilliseconds);
            await _outbox.AppendAsync([(new FeatureCodeTimedOut(Guid.NewGuid(), _server, _time.GetUtcNow(), held.EventId, held.ChannelId, held.Extension, held.Code), 0L)], ct);
            if (await PlayAllAsync(held, _tryLater, ct))
            {
                await _ari.HangupAsync(held.ChannelId, 16, ct);
            }
        }
        catch (AriHttpException ex) when (ex.IsNotFound)
        {
            // The caller hung up before we could answer or play: nothing left to do.
            _held.TryRemove(held.ChannelId, out _);
        }
        catch (AriException ex)
        {
            Log.FeatureCodeFailed(_logger, _server, held.ChannelId, ex.Message, ex);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>The rest of a PlayAndHangUp, on the channel's own task: the first prompt ends, the others play, then the hang-up.</summary>
    private async Task FinishPromptAsync(HeldChannel held, Task firstFinished, IReadOnlyList<string> rest)
    {
        var ct = held.Stopping;
        try
        {
            if (await PlayedAsync(held, firstFinished, ct) && await PlayAllAsync(held, rest, ct))
            {
                await _ari.HangupAsync(held.ChannelId, 16, ct);
            }
        }
        catch (AriHttpException ex) when (ex.IsNotFound)
        {
            // The caller hung up during the prompt: nothing left to do.
        }
        catch (AriException ex)
        {
            Log.FeatureCodeFailed(_logger, _server, held.ChannelId, ex.Message, ex);
        }
        catch (TimeoutException ex)
        {
            Log.FeatureCodeFailed(_logger, _server, held.ChannelId, "no PlaybackFinished within 2 minutes", ex);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Plays each media in turn; false when the caller hung up first.</summary>
    private async Task<bool> PlayAllAsync(HeldChannel held, IReadOnlyList<string> media, CancellationToken ct)
    {
        foreach (var uri in media)
        {
            var (playbackId, finished) = held.NextPlayback();
            await _ari.PlayAsync(held.ChannelId, uri, playbackId, null, ct);
            if (!await PlayedAsync(held, finished, ct))
            {
                return false;
            }
        }
        return !held.Gone.Task.IsCompleted;
    }

    /// <summary>Waits for a playback to finish; false when the caller hung up first.</summary>
    private async Task<bool> PlayedAsync(HeldChannel held, Task finished, CancellationToken ct) =>
        await Task.WhenAny(finished, held.Gone.Task).WaitAsync(TimeSpan.FromMinutes(2), _time, ct) != held.Gone.Task;

    private static string DeviceOf(string channelName)
    {
        var dash = channelName.LastIndexOf('-');
        return dash > 0 ? channelName[..dash] : channelName;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "ARI {Server}: {Extension} dialled {Code}; holding channel {ChannelId} for the answer")]
        public static partial void FeatureCodeHeld(ILogger logger, string server, string extension, string code, string channelId);

        [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "ARI {Server}: no answer for {Code} from {Extension} within {TimeoutMs} ms; the phone hears 'try later'")]
        public static partial void FeatureCodeTimedOut(ILogger logger, string server, string extension, string code, double timeoutMs);

        [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "ARI {Server}: the answer to operation {OperationId} was not played on channel {ChannelId}: {Outcome} {Detail}")]
        public static partial void AnswerNotPlayed(ILogger logger, string server, string channelId, Guid operationId, string outcome, string detail);

        [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "ARI {Server}: command {CommandId} carries an unusable phone answer (channel {ChannelId}, {Steps} steps, prompts missing?); the phone is left to its deadline")]
        public static partial void AnswerUnusable(ILogger logger, string server, Guid commandId, string channelId, int steps);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Error, Message = "ARI {Server}: handling feature-code channel {ChannelId} failed: {Reason}")]
        public static partial void FeatureCodeFailed(ILogger logger, string server, string channelId, string reason, Exception exception);
    }
}
