using System.Globalization;
using ContactCenter.PbxSimulator.Channels;

namespace ContactCenter.PbxSimulator.Engine;

internal sealed partial class PbxEngine
{
    /// <summary>
    /// <c>core restart now</c>: AMI sessions get <c>Shutdown</c> (Cleanly, Restart: True) and are closed,
    /// ARI WebSockets are dropped without a close frame, every channel vanishes without a Hangup event,
    /// dynamic queue members are gone (persistentmembers = no), statistics and counters start over. The
    /// next login sees FullyBooted with a small Uptime.
    /// </summary>
    public void Restart(TimeSpan downtime)
    {
        Ami.Shutdown(restart: true);
        Ari.CloseAll(abort: true);
        foreach (var ch in _live.ToArray())
        {
            Forget(ch);
        }
        _live.Clear();
        foreach (var playback in _livePlaybacks.Values.ToList())
        {
            EndPlayback(playback, "cancelled");
        }
        foreach (var endpoint in Endpoints.Values)
        {
            endpoint.Channels.Clear();
        }
        _byId.Clear();
        _byName.Clear();
        _bridges.Clear();
        _dirtyDevices.Clear();
        _deferred.Clear();
        Clock.CancelAll();
        Queues.Reset();
        SeedDeviceStates();
        ResetGlobals();
        _sequence = 0;
        StartedAt = Clock.Now + downtime;
        if (downtime > TimeSpan.Zero)
        {
            // Lets an auto-advancing clock move to the moment Asterisk is back.
            Clock.Schedule(downtime, () => { }, "restart complete");
        }
    }

    /// <summary>True while a restarted Asterisk is not back yet: new clients are turned away.</summary>
    public bool IsBooting => Clock.Now < StartedAt;

    /// <summary>The Cdr event of cdr_manager (only when <see cref="PbxSimulatorOptions.CdrEvents"/> is on).</summary>
    private void EmitCdr(SimChannel ch, int cause)
    {
        if (ch.Direction == ChannelDirection.Outbound && ch.Pbx is null)
        {
            return; // the B leg is part of its caller's record
        }
        var end = Clock.Now;
        var duration = SecondsBetween(ch.Created, end);
        var billable = ch.AnsweredAt is { } answered ? SecondsBetween(answered, end) : 0;
        var disposition = ch.AnsweredAt is not null ? "ANSWERED" : cause == HangupCauses.UserBusy ? "BUSY" : cause == HangupCauses.Congestion ? "CONGESTION" : "NO ANSWER";
        static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? string.Empty;
        Ami.Cdr(
        [
            new("AccountCode", ch.AccountCode),
            new("Source", ch.CallerNum),
            new("Destination", ch.Exten),
            new("DestinationContext", ch.Context),
            new("CallerID", string.IsNullOrEmpty(ch.CallerName) ? $"<{ch.CallerNum}>" : $"\"{ch.CallerName}\" <{ch.CallerNum}>"),
            new("Channel", ch.Name),
            new("DestinationChannel", ch.Variables.GetValueOrDefault("BRIDGEPEER") ?? ch.Variables.GetValueOrDefault("DIALEDPEERNAME") ?? string.Empty),
            new("LastApplication", ch.Application),
            new("LastData", ch.ApplicationData),
            new("StartTime", Time(ch.Created)),
            new("AnswerTime", Time(ch.AnsweredAt)),
            new("EndTime", Time(end)),
            new("Duration", duration.ToString(CultureInfo.InvariantCulture)),
            new("BillableSeconds", billable.ToString(CultureInfo.InvariantCulture)),
            new("Disposition", disposition),
            new("AMAFlags", "DOCUMENTATION"),
            new("UniqueID", ch.Uniqueid),
            new("UserField", string.Empty),
        ]);
    }
}
