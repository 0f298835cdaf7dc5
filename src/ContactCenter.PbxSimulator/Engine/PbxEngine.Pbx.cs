using System.Globalization;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Dialplan;
using Microsoft.Extensions.Logging;

namespace ContactCenter.PbxSimulator.Engine;

/// <summary>What a dialplan application did.</summary>
internal enum AppResult
{
    /// <summary>Go on with the next priority.</summary>
    Next,

    /// <summary>The application moved the channel (Goto): run from the new location.</summary>
    Jumped,

    /// <summary>The application waits (timer, ringing, Stasis, queue); it resumes the dialplan itself.</summary>
    Suspended,

    /// <summary>The channel is gone (Hangup) or handed over; the dialplan ends.</summary>
    Ended,
}

internal sealed partial class PbxEngine
{
    private const int MaxStepsPerRun = 10_000;

    public void StartPbx(SimChannel ch)
    {
        ch.Pbx = new PbxRun();
        RunPbx(ch);
    }

    /// <summary>Resumes a suspended dialplan at the next priority.</summary>
    public void ContinuePbx(SimChannel ch)
    {
        if (ch.IsGone || ch.Pbx is not { Active: true })
        {
            return;
        }
        ch.Activity = null;
        ch.Priority++;
        RunPbx(ch);
    }

    /// <summary>Runs priorities until an application suspends or the channel ends.</summary>
    public void RunPbx(SimChannel ch)
    {
        var pbx = ch.Pbx!;
        while (pbx.Active && !ch.IsGone && !ch.HangingUp)
        {
            var step = Dialplan.Find(ch.Context, ch.Exten, ch.Priority);
            if (step is null)
            {
                // autofallthrough: no more priorities, the channel is hung up.
                pbx.Active = false;
                HangupFromDialplan(ch, ch.LocalHangupCause ?? HangupCauses.NormalClearing);
                return;
            }
            if (++pbx.Steps > MaxStepsPerRun)
            {
                SimLog.DialplanLoop(Logger, ch.Name, ch.Context, ch.Exten, ch.Priority);
                pbx.Active = false;
                HangupFromDialplan(ch, HangupCauses.NormalClearing);
                return;
            }
            string data;
            try
            {
                data = Expand(ch, step.RawArgs);
            }
            catch (InvalidOperationException ex)
            {
                SimLog.DialplanError(Logger, step.Source, step.Line, ex.Message);
                pbx.Active = false;
                HangupFromDialplan(ch, HangupCauses.NormalClearing);
                return;
            }
            ch.Application = step.App;
            ch.ApplicationData = data;
            Ami.Newexten(ch, ch.Exten, step.App, data);
            AppResult result;
            try
            {
                result = Execute(ch, step, data);
            }
            catch (DialplanRuntimeException ex)
            {
                SimLog.DialplanError(Logger, step.Source, step.Line, ex.Message);
                pbx.Active = false;
                HangupFromDialplan(ch, HangupCauses.NormalClearing);
                return;
            }
            switch (result)
            {
                case AppResult.Next:
                    ch.Priority++;
                    break;
                case AppResult.Jumped:
                    break;
                case AppResult.Suspended:
                    return;
                case AppResult.Ended:
                    pbx.Active = false;
                    return;
            }
        }
    }

    private AppResult Execute(SimChannel ch, DialplanStep step, string data) => step.App switch
    {
        "NoOp" => AppResult.Next,
        "Answer" => AppAnswer(ch),
        "Hangup" => AppHangup(ch, data),
        "Set" => AppSet(ch, data),
        "Goto" => AppGoto(ch, data),
        "Wait" => AppWait(ch, data),
        "Playback" => AppPlayback(ch, data),
        "UserEvent" => AppUserEvent(ch, data),
        "MixMonitor" => AppMixMonitor(ch, data),
        "Stasis" => AppStasis(ch, data),
        "Queue" => Queues.Exec(ch, data),
        "Dial" => DialOperation.Exec(this, ch, data),
        _ => throw new DialplanRuntimeException($"application {step.App} is not implemented"),
    };

    /// <summary>Moves a channel to a dialplan location (Goto, Redirect, ARI continue).</summary>
    public bool SetLocation(SimChannel ch, string? context, string? exten, string priorityOrLabel)
    {
        var targetContext = string.IsNullOrEmpty(context) ? ch.Context : context;
        var targetExten = string.IsNullOrEmpty(exten) ? ch.Exten : exten;
        int priority;
        if (!int.TryParse(priorityOrLabel, NumberStyles.None, CultureInfo.InvariantCulture, out priority))
        {
            var label = Dialplan.FindLabel(targetContext, targetExten, priorityOrLabel);
            if (label is null)
            {
                return false;
            }
            priority = label.Value;
        }
        ch.Context = targetContext;
        ch.Exten = targetExten;
        ch.Priority = priority;
        return true;
    }

    /// <summary>
    /// AMI Redirect / ARI continue: stop what the channel is doing (without hanging it up) and run the
    /// dialplan from the new location.
    /// </summary>
    public bool Redirect(SimChannel ch, string context, string exten, string priority)
    {
        if (!Dialplan.Exists(context, exten))
        {
            return false;
        }
        if (ch.Activity is { } activity)
        {
            activity.Interrupt(ch, hangup: false);
        }
        ch.Activity = null;
        if (!SetLocation(ch, context, exten, priority))
        {
            return false;
        }
        ch.Pbx ??= new PbxRun();
        ch.Pbx.Active = true;
        RunPbx(ch);
        return true;
    }
}

/// <summary>An application met arguments it cannot run with; the channel is hung up and the error logged with file and line.</summary>
internal sealed class DialplanRuntimeException(string message) : Exception(message);
