using System.Diagnostics;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Dialplan;

namespace ContactCenter.PbxSimulator.Engine;

internal sealed partial class PbxEngine
{
    /// <summary>
    /// Stasis(app[,args…]): STASISSTATUS is cleared, then the channel goes to the application if a WebSocket
    /// for it is connected; otherwise STASISSTATUS=FAILED and the dialplan goes on, as Asterisk does.
    /// </summary>
    private AppResult AppStasis(SimChannel ch, string data)
    {
        var args = VariableExpander.SplitArgs(data);
        var app = args.Count > 0 ? args[0] : string.Empty;
        SetVar(ch, "STASISSTATUS", string.Empty);
        if (app.Length == 0 || !Ari.IsRegistered(app))
        {
            SimLog.StasisAppNotRegistered(Logger, app, ch.Name);
            SetVar(ch, "STASISSTATUS", "FAILED");
            return AppResult.Next;
        }
        EnterStasis(ch, app, args.Skip(1).ToArray());
        return AppResult.Suspended;
    }

    public void EnterStasis(SimChannel ch, string app, IReadOnlyList<string> args)
    {
        var session = new StasisSession(this, app, args) { StartSentAt = Stopwatch.GetTimestamp() };
        ch.Stasis = session;
        ch.Activity = session;
        Ari.StasisStart(app, ch, args);
    }

    /// <summary>
    /// A channel in Stasis is hung up (ARI DELETE, AMI Hangup, or the phone): RTP statistics, the hangup
    /// request, StasisEnd, STASISSTATUS=SUCCESS, then the dialplan ends. Dialplan channels get no
    /// ChannelDestroyed after StasisEnd (the traces show none).
    /// </summary>
    public void StasisTeardown(SimChannel ch)
    {
        var session = ch.Stasis!;
        ch.HangingUp = true;
        StopAriPlaybacks(ch, session.App);
        EmitRtpStats(ch, null);
        EmitHangupRequest(ch);
        if (ch.Bridge is { } bridge)
        {
            LeaveBridge(bridge, ch);
        }
        Ari.StasisEnd(session.App, ch);
        ch.Stasis = null;
        ch.Activity = null;
        if (ch.Pbx is { Active: true })
        {
            SetVar(ch, "STASISSTATUS", "SUCCESS");
            Ami.SoftHangupRequest(ch, HangupCauses.NormalClearing);
            FlushDeviceStates();
        }
        Destroy(ch, ch.LocalHangupCause ?? HangupCauses.NormalClearing);
    }

    /// <summary>The application let the channel go (ARI continue, or a redirect): StasisEnd and STASISSTATUS=SUCCESS.</summary>
    public void LeaveStasis(SimChannel ch)
    {
        if (ch.Stasis is not { } session)
        {
            return;
        }
        StopAriPlaybacks(ch, session.App);
        Ari.StasisEnd(session.App, ch);
        ch.Stasis = null;
        ch.Activity = null;
        SetVar(ch, "STASISSTATUS", "SUCCESS");
    }

    /// <summary>ARI <c>POST /channels/{id}/continue</c>: leave Stasis and go on in the dialplan.</summary>
    public void ContinueFromStasis(SimChannel ch, string? context, string? exten, string? priority)
    {
        LeaveStasis(ch);
        if (ch.Pbx is null)
        {
            ch.Pbx = new PbxRun();
        }
        ch.Pbx.Active = true;
        if (context is null && exten is null && priority is null)
        {
            ch.Priority++;
        }
        else if (!SetLocation(ch, context, exten, priority ?? "1"))
        {
            HangupFromDialplan(ch, HangupCauses.NormalClearing);
            return;
        }
        RunPbx(ch);
    }

    /// <summary>ARI play: PlaybackStarted now, PlaybackFinished when the sound has been played.</summary>
    public PlaybackRecord StartAriPlayback(SimChannel ch, string app, string media, string id, string language)
    {
        var record = NewPlayback(ch, media, id, fromAri: true, language);
        record.State = "playing";
        Ari.PlaybackStarted(app, record);
        var duration = TimeSpan.Zero;
        foreach (var part in media.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            duration += SoundDuration(part);
        }
        record.Timer = Clock.Schedule(duration, () =>
        {
            if (record.State != "playing")
            {
                return;
            }
            EndPlayback(record, "done");
            Ari.PlaybackFinished(app, record);
        }, "ARI playback " + id);
        ch.Timers.Add(record.Timer);
        return record;
    }

    /// <summary>ARI <c>DELETE /playbacks/{id}</c>.</summary>
    public void StopAriPlayback(PlaybackRecord record, string app)
    {
        record.Timer?.Cancel();
        EndPlayback(record, "done");
        Ari.PlaybackFinished(app, record);
    }

    private void StopAriPlaybacks(SimChannel ch, string app)
    {
        foreach (var p in LivePlaybacksOn(ch))
        {
            if (p.FromAri && p.State == "playing")
            {
                StopAriPlayback(p, app);
            }
        }
    }
}
