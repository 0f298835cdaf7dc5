namespace ContactCenter.Asterisk.Ami.Events;

/// <summary><c>FullyBooted</c>: sent after every login; a small <see cref="Uptime"/> means Asterisk just (re)started.</summary>
public sealed record FullyBootedEvent(long Uptime, long LastReload) : AmiEvent;

/// <summary><c>Shutdown</c>: Asterisk is stopping (<see cref="Restart"/> when it will come back).</summary>
public sealed record ShutdownEvent(string Kind, bool Restart) : AmiEvent;

/// <summary><c>DeviceStateChange</c>: device (<c>PJSIP/6001</c>, <c>Queue:support_avail</c>…) and state (NOT_INUSE, INUSE, RINGING…).</summary>
public sealed record DeviceStateChangeEvent(string Device, string State) : AmiEvent;

/// <summary><c>UserEvent</c> from the dialplan: its name and the headers it carried beyond the channel block.</summary>
public sealed record UserEventEvent(AmiChannel? Channel, string Name, IReadOnlyDictionary<string, string> Headers) : AmiEvent;

/// <summary>A <c>CoreShowChannel</c> item of a <c>CoreShowChannels</c> list.</summary>
public sealed record CoreShowChannelEvent(AmiChannel Channel, string Application, string ApplicationData, string Duration, string BridgeId) : AmiEvent;
