namespace ContactCenter.Asterisk.Ari;

/// <summary>Kinds of <see cref="AriStreamItem"/>.</summary>
public enum AriStreamItemKind
{
    /// <summary>An ARI event.</summary>
    Event,

    /// <summary>
    /// The WebSocket is open (first time or again). Events of the previous session may be missing:
    /// whatever was tracked may be stale, take a snapshot.
    /// </summary>
    Connected,

    /// <summary>The session ended (close frame, socket dropped without one, keep-alive timeout, shutdown).</summary>
    Disconnected,

    /// <summary>
    /// The event buffer overflowed and items were dropped (counted and logged). The consumer must
    /// resynchronise from a snapshot: state built from the stream is no longer complete.
    /// </summary>
    EventsLost,
}
