namespace ContactCenter.Asterisk.Ami;

/// <summary>Kinds of <see cref="AmiStreamItem"/>.</summary>
public enum AmiStreamItemKind
{
    /// <summary>An AMI event frame.</summary>
    Event,

    /// <summary>Logged in (first time or again): whatever was tracked may be stale, take a snapshot.</summary>
    Connected,

    /// <summary>The session ended (socket closed, silence past the deadline, oversized frame, shutdown).</summary>
    Disconnected,

    /// <summary>
    /// The event buffer overflowed and events were dropped (counted and logged). The consumer must
    /// resynchronise from a snapshot: state built from the stream is no longer complete.
    /// </summary>
    EventsLost,
}
