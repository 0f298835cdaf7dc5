using System.Globalization;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Dialplan;

namespace ContactCenter.PbxSimulator.Engine;

internal sealed partial class PbxEngine
{
    private AppResult AppAnswer(SimChannel ch)
    {
        AnswerChannel(ch);
        return AppResult.Next;
    }

    private AppResult AppHangup(SimChannel ch, string data)
    {
        var cause = int.TryParse(data, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : HangupCauses.NormalClearing;
        HangupFromDialplan(ch, ch.LocalHangupCause ?? cause);
        return AppResult.Ended;
    }

    private AppResult AppSet(SimChannel ch, string data)
    {
        var eq = data.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new DialplanRuntimeException($"Set({data}): expected NAME=value");
        }
        var name = data[..eq].Trim();
        var value = data[(eq + 1)..];
        if (name.StartsWith("GLOBAL(", StringComparison.OrdinalIgnoreCase) && name.EndsWith(')'))
        {
            SetGlobal(name[7..^1], value);
            return AppResult.Next;
        }
        SetVar(ch, name.TrimStart('_'), value);
        return AppResult.Next;
    }

    private AppResult AppGoto(SimChannel ch, string data)
    {
        var args = VariableExpander.SplitArgs(data);
        var ok = args.Count switch
        {
            1 => SetLocation(ch, null, null, args[0]),
            2 => SetLocation(ch, null, args[0], args[1]),
            3 => SetLocation(ch, args[0], args[1], args[2]),
            _ => false,
        };
        if (!ok)
        {
            throw new DialplanRuntimeException($"Goto({data}): no such label or priority");
        }
        return AppResult.Jumped;
    }

    private AppResult AppWait(SimChannel ch, string data)
    {
        var seconds = double.TryParse(data, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 0;
        var activity = new TimedActivity(this, ch, null);
        ch.Activity = activity;
        activity.Start(TimeSpan.FromSeconds(seconds), () => ContinuePbx(ch), "Wait " + ch.Name);
        return AppResult.Suspended;
    }

    /// <summary>Playback(file[&amp;file2][,options]): answers unless <c>noanswer</c>, plays, sets PLAYBACKSTATUS.</summary>
    private AppResult AppPlayback(SimChannel ch, string data)
    {
        var args = VariableExpander.SplitArgs(data);
        var files = (args.Count > 0 ? args[0] : string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries);
        var options = args.Count > 1 ? args[1] : string.Empty;
        foreach (var option in options.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (option is not ("noanswer" or "skip" or "say"))
            {
                throw new DialplanRuntimeException($"Playback option '{option}' is not implemented (noanswer, skip)");
            }
        }
        if (!options.Contains("noanswer", StringComparison.Ordinal))
        {
            AnswerChannel(ch);
        }
        var total = TimeSpan.Zero;
        var records = new List<PlaybackRecord>();
        foreach (var file in files)
        {
            var record = NewPlayback(ch, "sound:" + file, NewUuid(), fromAri: false);
            record.State = "playing";
            records.Add(record);
            total += SoundDuration(file);
        }
        var activity = new TimedActivity(this, ch, () =>
        {
            foreach (var r in records)
            {
                EndPlayback(r, "cancelled");
            }
        });
        ch.Activity = activity;
        activity.Start(total, () =>
        {
            foreach (var r in records)
            {
                EndPlayback(r, "done");
            }
            SetVar(ch, "PLAYBACKSTATUS", "SUCCESS");
            ContinuePbx(ch);
        }, "Playback " + ch.Name);
        return AppResult.Suspended;
    }

    /// <summary>UserEvent(name[,Key: value[,…]]): the body pairs become headers after the channel block.</summary>
    private AppResult AppUserEvent(SimChannel ch, string data)
    {
        var args = VariableExpander.SplitArgs(data);
        if (args.Count == 0 || args[0].Length == 0)
        {
            throw new DialplanRuntimeException("UserEvent needs an event name");
        }
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in args.Skip(1))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new DialplanRuntimeException($"UserEvent body '{pair}' is not 'Key: value'");
            }
            fields.Add(new(pair[..colon].Trim(), pair[(colon + 1)..].TrimStart()));
        }
        Ami.UserEvent(ch, args[0], fields);
        return AppResult.Next;
    }

    /// <summary>MixMonitor(file[,options]): MIXMONITOR_FILENAME then MixMonitorStart (which carries no file name).</summary>
    private AppResult AppMixMonitor(SimChannel ch, string data)
    {
        var args = VariableExpander.SplitArgs(data);
        var file = args.Count > 0 ? args[0] : string.Empty;
        if (file.Length == 0)
        {
            throw new DialplanRuntimeException("MixMonitor needs a file name");
        }
        StartRecording(ch, file);
        return AppResult.Next;
    }

    public RecordingRecord StartRecording(SimChannel ch, string file)
    {
        var path = file.StartsWith('/') ? file : Options.MonitorDirectory.TrimEnd('/') + "/" + file;
        SetVar(ch, "MIXMONITOR_FILENAME", path);
        Ami.MixMonitorStart(ch);
        var record = new RecordingRecord(ch.Uniqueid, ch.Name, path, Clock.Now);
        Recordings.Add(record);
        return record;
    }

    public bool StopRecording(SimChannel ch)
    {
        var record = Recordings.LastOrDefault(r => r.ChannelId == ch.Uniqueid && r.Stopped is null);
        if (record is null)
        {
            return false;
        }
        record.Stopped = Clock.Now;
        Ami.MixMonitorStop(ch);
        return true;
    }

    public PlaybackRecord NewPlayback(SimChannel ch, string media, string id, bool fromAri, string language = "en")
    {
        var record = new PlaybackRecord
        {
            Id = id,
            MediaUri = media,
            ChannelId = ch.Uniqueid,
            ChannelName = ch.Name,
            Language = language,
            Started = Clock.Now,
            FromAri = fromAri,
        };
        Playbacks.Add(record);
        _livePlaybacks.Add(record.Id, record);
        return record;
    }

    /// <summary>A queued or playing playback by id, without scanning the history.</summary>
    public PlaybackRecord? LivePlayback(string id) => _livePlaybacks.GetValueOrDefault(id);

    /// <summary>Ends a playback (<c>done</c> or <c>cancelled</c>): it leaves the live index, stays in the history.</summary>
    public void EndPlayback(PlaybackRecord record, string state)
    {
        record.State = state;
        record.Finished = Clock.Now;
        _livePlaybacks.Remove(record.Id);
    }

    /// <summary>The channel's queued and playing playbacks (a copy: ending one changes the index).</summary>
    private List<PlaybackRecord> LivePlaybacksOn(SimChannel ch) => _livePlaybacks.Values.Where(p => p.ChannelId == ch.Uniqueid).ToList();

    public TimeSpan SoundDuration(string media)
    {
        var name = media.StartsWith("sound:", StringComparison.Ordinal) ? media[6..] : media;
        return Options.SoundDurations.TryGetValue(name, out var duration) ? duration : Options.DefaultSoundDuration;
    }

    private void StopChannelPlaybacks(SimChannel ch)
    {
        foreach (var p in LivePlaybacksOn(ch))
        {
            p.Timer?.Cancel();
            EndPlayback(p, "cancelled");
        }
    }
}

/// <summary>An application that waits on a timer (Wait, Playback) and can be interrupted by a hangup or redirect.</summary>
internal sealed class TimedActivity(PbxEngine engine, SimChannel channel, Action? onInterrupt) : IChannelActivity
{
    private SimTimer? _timer;

    public void Start(TimeSpan duration, Action onDone, string what)
    {
        _timer = engine.Clock.Schedule(duration, () =>
        {
            if (!channel.IsGone && ReferenceEquals(channel.Activity, this))
            {
                onDone();
            }
        }, what);
        channel.Timers.Add(_timer);
    }

    public void Interrupt(SimChannel ch, bool hangup)
    {
        _timer?.Cancel();
        onInterrupt?.Invoke();
        if (hangup)
        {
            engine.HangupDuringApplication(ch, null);
        }
    }
}
