namespace ContactCenter.Asterisk.Ari;

/// <summary>The answer of <c>GET /asterisk/info</c>: build, version, entity id, configuration, uptime.</summary>
public sealed record AsteriskInfo
{
    public AsteriskBuildInfo Build { get; init; } = new();

    public AsteriskSystemInfo System { get; init; } = new();

    public AsteriskConfigInfo Config { get; init; } = new();

    public AsteriskStatusInfo Status { get; init; } = new();
}

/// <summary>How Asterisk was built. <see cref="Date"/> is kept as text (<c>2026-11-21 19:15:21 UTC</c>).</summary>
public sealed record AsteriskBuildInfo
{
    public string Os { get; init; } = string.Empty;

    public string Kernel { get; init; } = string.Empty;

    public string Machine { get; init; } = string.Empty;

    public string Options { get; init; } = string.Empty;

    public string Date { get; init; } = string.Empty;

    public string User { get; init; } = string.Empty;
}

/// <summary>Version and entity id (the <c>asterisk_id</c> carried by every event).</summary>
public sealed record AsteriskSystemInfo
{
    /// <summary>e.g. <c>22.10.1</c>.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>e.g. <c>02:fc:00:00:00:01</c>.</summary>
    public string EntityId { get; init; } = string.Empty;
}

/// <summary>Part of <c>asterisk.conf</c>.</summary>
public sealed record AsteriskConfigInfo
{
    public string Name { get; init; } = string.Empty;

    public string DefaultLanguage { get; init; } = string.Empty;

    public int? MaxChannels { get; init; }

    public int? MaxOpenFiles { get; init; }

    public double? MaxLoad { get; init; }

    public AsteriskSetId? Setid { get; init; }
}

/// <summary>User and group Asterisk runs as.</summary>
public sealed record AsteriskSetId
{
    public string User { get; init; } = string.Empty;

    public string Group { get; init; } = string.Empty;
}

/// <summary>Startup and last reload times: a startup time that moved means Asterisk restarted.</summary>
public sealed record AsteriskStatusInfo
{
    public DateTimeOffset StartupTime { get; init; }

    public DateTimeOffset LastReloadTime { get; init; }
}
