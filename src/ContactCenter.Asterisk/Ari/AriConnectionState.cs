namespace ContactCenter.Asterisk.Ari;

/// <summary>Where the ARI event WebSocket stands. Every transition is logged.</summary>
public enum AriConnectionState
{
    /// <summary>Not started, or stopped.</summary>
    Stopped,

    /// <summary>Opening the WebSocket (TCP connect and HTTP upgrade).</summary>
    Connecting,

    /// <summary>Upgraded: events flow.</summary>
    Connected,

    /// <summary>The connection dropped or could not be opened; waiting for the next attempt.</summary>
    Reconnecting,
}
