namespace ContactCenter.Asterisk.Ami;

/// <summary>Where an AMI connection stands. Every transition is logged.</summary>
public enum AmiConnectionState
{
    /// <summary>Not started, or stopped.</summary>
    Stopped,

    /// <summary>Opening the TCP connection and reading the banner.</summary>
    Connecting,

    /// <summary>Banner read, login in progress.</summary>
    LoggingIn,

    /// <summary>Logged in: actions are accepted and events flow.</summary>
    Connected,

    /// <summary>The connection dropped; waiting for the next reconnect attempt.</summary>
    Reconnecting,
}
