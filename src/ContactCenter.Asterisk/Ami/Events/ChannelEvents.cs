namespace ContactCenter.Asterisk.Ami.Events;

/// <summary><c>Newchannel</c>: a channel was created.</summary>
public sealed record NewchannelEvent(AmiChannel Channel) : AmiEvent;

/// <summary><c>Newstate</c>: the channel state changed (4 Ring, 5 Ringing, 6 Up…).</summary>
public sealed record NewstateEvent(AmiChannel Channel) : AmiEvent;

/// <summary><c>Newexten</c>: the channel runs a dialplan application (Stasis shows up here, not as its own event).</summary>
public sealed record NewextenEvent(AmiChannel Channel, string Application, string AppData) : AmiEvent;

/// <summary><c>VarSet</c> of a variable the connector asked for (e.g. <c>MIXMONITOR_FILENAME</c>).</summary>
public sealed record VarSetEvent(AmiChannel Channel, string Variable, string Value) : AmiEvent;

/// <summary><c>Hangup</c>: the channel is gone, with its hangup cause.</summary>
public sealed record HangupEvent(AmiChannel Channel, int Cause, string CauseText) : AmiEvent;

/// <summary>
/// <c>HangupRequest</c> (someone asked this channel to hang up: the party on it, or an action) or
/// <c>SoftHangupRequest</c> (<see cref="Soft"/>: Asterisk itself is tearing the channel down).
/// </summary>
public sealed record HangupRequestEvent(AmiChannel Channel, int? Cause, bool Soft) : AmiEvent;

/// <summary><c>MixMonitorStart</c> / <c>MixMonitorStop</c>; the file name comes from the preceding VarSet.</summary>
public sealed record MixMonitorEvent(AmiChannel Channel, bool Started) : AmiEvent;
