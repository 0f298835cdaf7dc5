using System.Globalization;
using ContactCenter.PbxSimulator.Channels;

namespace ContactCenter.PbxSimulator.Engine;

internal sealed partial class PbxEngine
{
    private static readonly string[] RtpVariables = ["RTPAUDIOQOS", "RTPAUDIOQOSJITTER", "RTPAUDIOQOSLOSS", "RTPAUDIOQOSRTT", "RTPAUDIOQOSMES"];

    /// <summary>
    /// A call from a phone or from the trunk: the channel rings into the endpoint's context. Returns null
    /// when the extension does not exist there (chan_pjsip answers 404 and creates no channel).
    /// </summary>
    public SimChannel? StartInboundCall(Endpoint endpoint, string exten, string? callerNum, string? callerName, InboundScript? script)
    {
        if (!Dialplan.Exists(endpoint.Context, exten))
        {
            return null;
        }
        var ch = CreateChannel(endpoint, ChannelDirection.Inbound, linkedid: null, remoteNumber: callerNum, protocolId: NewSipCallId());
        ch.State = ChannelState.Ring;
        ch.CallerNum = callerNum ?? endpoint.CallerIdNum;
        ch.CallerName = callerName ?? endpoint.CallerIdName;
        ch.Context = endpoint.Context;
        ch.Exten = exten;
        ch.Priority = 1;
        ch.Script = script;
        CallsStarted++;
        Ami.Newchannel(ch);
        AnnounceChannel(ch);
        SetVar(ch, "SIPDOMAIN", Options.SipDomain);
        if (script?.Patience is { } patience)
        {
            script.PatienceTimer = Clock.Schedule(patience, () =>
            {
                if (!script.Connected)
                {
                    RemoteHangup(ch);
                }
            }, "caller patience " + ch.Name);
        }
        StartPbx(ch);
        return ch;
    }

    /// <summary>Answers a channel: Newstate Up (ARI ChannelStateChange), and the device state now unless told to wait.</summary>
    public void AnswerChannel(SimChannel ch, bool announceDevice = true)
    {
        if (ch.State == ChannelState.Up)
        {
            return;
        }
        ch.State = ChannelState.Up;
        ch.HadMedia = true;
        ch.AnsweredAt ??= Clock.Now;
        Ami.Newstate(ch);
        if (ch.Stasis is { } stasis)
        {
            Ari.ChannelStateChange(stasis.App, ch);
        }
        if (announceDevice)
        {
            UpdateDevice(ch.Endpoint);
        }
        else
        {
            MarkDeviceDirty(ch.Endpoint);
        }
    }

    /// <summary>
    /// The RTP statistics chan_pjsip sets as variables when a channel with media is torn down; a bridged
    /// peer gets the same values with a BRIDGED suffix, interleaved, as in the traces.
    /// </summary>
    public void EmitRtpStats(SimChannel ch, SimChannel? bridgedPeer)
    {
        if (!ch.HadMedia)
        {
            return;
        }
        var seconds = Math.Max(1, (Clock.Now - ch.Created).TotalSeconds);
        var packets = (long)(seconds * 50);
        var values = new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"ssrc={Random.Next()};themssrc={Random.Next()};lp=0;rxjitter=0.000000;rxcount={packets};txjitter=0.000875;txcount={packets};rlp=0;rtt=0.000000;rxmes=0.000000;txmes=0.000000"),
            "minrxjitter=000.000000;maxrxjitter=000.000875;avgrxjitter=000.000662;stdevrxjitter=000.000187;mintxjitter=000.000000;maxtxjitter=000.000000;avgtxjitter=000.000000;stdevtxjitter=000.000000;",
            "  minrxlost=000.000000;  maxrxlost=000.000000;  avgrxlost=000.000000;  stdevrxlost=000.000000;  mintxlost=000.000000;  maxtxlost=000.000000;  avgtxlost=000.000000;  stdevtxlost=000.000000;",
            "     minrtt=000.000000;     maxrtt=000.000000;     avgrtt=000.000000;     stdevrtt=000.000000;",
            "   minrxmes=000.000000;   maxrxmes=000.000000;   avgrxmes=000.000000;   stdevrxmes=000.000000;   mintxmes=000.000000;   maxtxmes=000.000000;   avgtxmes=000.000000;   stdevtxmes=000.000000;",
        };
        for (var i = 0; i < RtpVariables.Length; i++)
        {
            SetVar(ch, RtpVariables[i], values[i]);
            if (bridgedPeer is { IsGone: false })
            {
                SetVar(bridgedPeer, RtpVariables[i] + "BRIDGED", values[i]);
            }
        }
    }

    /// <summary>
    /// The request that starts a teardown: <c>SoftHangupRequest</c> (Cause 32) when AMI or ARI asked for it,
    /// else <c>HangupRequest</c> (with Cause 16 on channels the PBX dialed, none on incoming ones), and
    /// the ARI ChannelHangupRequest for a channel in Stasis.
    /// </summary>
    public void EmitHangupRequest(SimChannel ch)
    {
        if (ch.LocalHangupCause is not null)
        {
            Ami.SoftHangupRequest(ch, 32);
            if (ch.Stasis is { } stasis)
            {
                Ari.ChannelHangupRequest(stasis.App, ch, 32, soft: true);
            }
            return;
        }
        var cause = ch.Direction == ChannelDirection.Outbound ? HangupCauses.NormalClearing : (int?)null;
        Ami.HangupRequest(ch, cause);
        if (ch.Stasis is { } s)
        {
            Ari.ChannelHangupRequest(s.App, ch, HangupCauses.NormalClearing, soft: false);
        }
    }

    /// <summary>The end of a channel: <c>Hangup</c>, removal, and a device state update at the next flush.</summary>
    public void Destroy(SimChannel ch, int cause)
    {
        if (ch.IsGone)
        {
            return;
        }
        ch.HangingUp = true;
        ch.IsGone = true;
        ch.HangupCause = cause;
        foreach (var timer in ch.Timers)
        {
            timer.Cancel();
        }
        ch.Script?.PatienceTimer?.Cancel();
        if (ch.Pbx is { } pbx)
        {
            pbx.Active = false;
        }
        ch.Activity = null;
        StopChannelPlaybacks(ch);
        Ami.Hangup(ch, cause);
        if (ch.CreatedByAri && ch.Stasis is null && ch.AriApp is { } app)
        {
            Ari.ChannelDestroyed(app, ch, cause);
        }
        _byId.Remove(ch.Uniqueid);
        _byName.Remove(ch.Name);
        _live.Remove(ch);
        ch.Endpoint.Channels.Remove(ch);
        MarkDeviceDirty(ch.Endpoint);
        if (Options.CdrEvents)
        {
            EmitCdr(ch, cause);
        }
        ChannelChanged?.Invoke(ch, false);
    }

    /// <summary>The party on the channel hung up (a phone's BYE, a customer leaving).</summary>
    public void RemoteHangup(SimChannel ch)
    {
        if (ch.IsGone || ch.HangingUp)
        {
            return;
        }
        if (ch.Activity is { } activity)
        {
            activity.Interrupt(ch, hangup: true);
            return;
        }
        ch.HangingUp = true;
        EmitRtpStats(ch, null);
        EmitHangupRequest(ch);
        if (ch.Pbx is { Active: true })
        {
            Ami.SoftHangupRequest(ch, HangupCauses.NormalClearing);
            FlushDeviceStates();
        }
        Destroy(ch, ch.LocalHangupCause ?? HangupCauses.NormalClearing);
    }

    /// <summary>AMI Hangup or ARI DELETE: a soft hangup with a cause, handled by whatever the channel is doing.</summary>
    public void RequestHangup(SimChannel ch, int cause)
    {
        if (ch.IsGone || ch.HangingUp)
        {
            return;
        }
        ch.LocalHangupCause = cause;
        RemoteHangup(ch);
    }

    /// <summary>
    /// Teardown of a channel whose dialplan application (Playback, Wait, Queue waiting…) was interrupted by a
    /// hangup: the request, the application's own clean-up, then the end of the dialplan and the channel.
    /// </summary>
    public void HangupDuringApplication(SimChannel ch, Action? cleanup, bool wasBridged = false)
    {
        ch.HangingUp = true;
        ch.Activity = null;
        EmitRtpStats(ch, null);
        EmitHangupRequest(ch);
        cleanup?.Invoke();
        Ami.SoftHangupRequest(ch, HangupCauses.NormalClearing);
        FlushDeviceStates();
        var cause = ch.LocalHangupCause ?? (wasBridged ? HangupCauses.NormalClearing : HangupCauses.Unknown);
        Destroy(ch, cause);
    }

    /// <summary>The Hangup() application (and dialplan fall-through): SoftHangupRequest, RTP statistics, Hangup.</summary>
    public void HangupFromDialplan(SimChannel ch, int cause)
    {
        ch.HangingUp = true;
        Ami.SoftHangupRequest(ch, cause);
        FlushDeviceStates();
        EmitRtpStats(ch, null);
        Destroy(ch, cause);
    }

    /// <summary>Ends a channel silently (restart: Asterisk stops without telling anyone about each channel).</summary>
    private void Forget(SimChannel ch)
    {
        ch.IsGone = true;
        ch.HangingUp = true;
        foreach (var timer in ch.Timers)
        {
            timer.Cancel();
        }
        if (ch.Pbx is { } pbx)
        {
            pbx.Active = false;
        }
        ch.Activity = null;
        ch.Stasis = null;
        ChannelChanged?.Invoke(ch, false);
    }
}
