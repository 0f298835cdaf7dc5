namespace ContactCenter.Asterisk.Ami;

/// <summary>Settings of one AMI connection. The secret is never logged.</summary>
public sealed class AmiClientOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 5038;

    /// <summary>The manager.conf user.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The manager.conf secret: from configuration or the environment, never from the repository.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>Log in with the MD5 <c>Challenge</c> flow instead of sending the secret.</summary>
    public bool UseMd5Challenge { get; set; }

    /// <summary>The <c>Events</c> mask sent with <c>Login</c>: <c>on</c>, <c>off</c> or a class list.</summary>
    public string EventMask { get; set; } = "on";

    /// <summary>Hard limit for one frame; beyond it the connection is closed and re-established.</summary>
    public int MaxFrameBytes { get; set; } = AmiFrameReader.DefaultMaxFrameBytes;

    /// <summary>
    /// Events buffered between the socket read loop and the consumer. The read loop never waits for the
    /// consumer (Asterisk drops a session that stops reading for <c>writetimeout</c>); when this is full,
    /// events are dropped, counted, logged, and an <see cref="AmiStreamItemKind.EventsLost"/> notice asks
    /// the consumer to resynchronise.
    /// </summary>
    public int EventBufferCapacity { get; set; } = 65_536;

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Default time to wait for the response of an action.</summary>
    public TimeSpan ActionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A <c>Ping</c> is sent when nothing was received for this long.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A connection that received nothing (not even a ping response) for this long is dropped.</summary>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws naming the first bad setting, prefixed with the configuration section.</summary>
    public void Validate(string section = "Ami")
    {
        static void Fail(string key, string why) => throw new ArgumentException($"{key}: {why}");
        if (string.IsNullOrWhiteSpace(Host))
        {
            Fail($"{section}:Host", "is required");
        }
        if (Port is < 1 or > 65535)
        {
            Fail($"{section}:Port", $"must be 1-65535, was {Port}");
        }
        if (string.IsNullOrWhiteSpace(Username))
        {
            Fail($"{section}:Username", "is required (the manager.conf user)");
        }
        if (string.IsNullOrEmpty(Secret))
        {
            Fail($"{section}:Secret", "is required; set it in configuration or the environment, never in the repository");
        }
        if (MaxFrameBytes < 4096)
        {
            Fail($"{section}:MaxFrameBytes", $"must be at least 4096, was {MaxFrameBytes}");
        }
        if (EventBufferCapacity < 16)
        {
            Fail($"{section}:EventBufferCapacity", $"must be at least 16, was {EventBufferCapacity}");
        }
        foreach (var (key, value) in new[]
                 {
                     ("ConnectTimeout", ConnectTimeout), ("ActionTimeout", ActionTimeout), ("PingInterval", PingInterval),
                     ("SilenceTimeout", SilenceTimeout), ("ReconnectInitialDelay", ReconnectInitialDelay), ("ReconnectMaxDelay", ReconnectMaxDelay),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                Fail($"{section}:{key}", $"must be positive, was {value}");
            }
        }
        if (SilenceTimeout <= PingInterval)
        {
            Fail($"{section}:SilenceTimeout", $"must be longer than PingInterval ({PingInterval})");
        }
        if (ReconnectMaxDelay < ReconnectInitialDelay)
        {
            Fail($"{section}:ReconnectMaxDelay", "must not be shorter than ReconnectInitialDelay");
        }
    }
}
