namespace ContactCenter.Agents;

/// <summary>Behaviour of the agent-state module (<c>Agents</c> section).</summary>
public sealed class AgentsOptions
{
    public const string SectionName = "Agents";

    /// <summary>The center's timezone (IANA id) for statistics by day, e.g. <c>America/Argentina/Buenos_Aires</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How long an operation from the web waits for Asterisk before it is declared failed and undone.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an HTTP request waits for Asterisk's confirmation before answering 202 (still pending).</summary>
    public TimeSpan ApiWait { get; set; } = TimeSpan.FromSeconds(3);

    public AgentPrompts Prompts { get; set; } = new();

    /// <summary>Create the demo agents, extensions, queues and pause codes at start (embedded demo only).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>The Asterisk server the demo's extensions and queues are on (the connector's <c>Asterisk:Servers:N:Name</c>).</summary>
    public string DemoServer { get; set; } = "demo";

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public void Validate()
    {
        try
        {
            Zone();
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"{SectionName}:TimeZone: '{TimeZone}' is not a known IANA timezone id");
        }
        if (OperationTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:OperationTimeout: must be positive, was {OperationTimeout}");
        }
        if (ApiWait < TimeSpan.Zero || ApiWait > OperationTimeout)
        {
            throw new ArgumentException($"{SectionName}:ApiWait: must be between 0 and OperationTimeout, was {ApiWait}");
        }
        if (SeedDemoData && (string.IsNullOrEmpty(DemoServer) || DemoServer.Length > 50 || !DemoServer.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new ArgumentException($"{SectionName}:DemoServer: 1 to 50 letters, digits, '-' or '_', as the connector names the server (was '{DemoServer}')");
        }
    }
}

/// <summary>What the phone hears (ARI media URIs). Asterisk core sounds by default.</summary>
public sealed class AgentPrompts
{
    public List<string> LoggedIn { get; set; } = ["sound:agent-loginok"];

    public List<string> LoggedOut { get; set; } = ["sound:agent-loggedoff"];

    public List<string> Paused { get; set; } = ["sound:beep"];

    public List<string> Unpaused { get; set; } = ["sound:beep", "sound:beep"];

    /// <summary>A refused code (unknown agent, unknown pause code, malformed…).</summary>
    public List<string> Refused { get; set; } = ["sound:pbx-invalid"];

    /// <summary>Asterisk refused the queue actions.</summary>
    public List<string> Failed { get; set; } = ["sound:an-error-has-occurred"];

    /// <summary>What the phone hears when an operation of that kind succeeded.</summary>
    public IReadOnlyList<string> Succeeded(string kind) => kind switch
    {
        Operations.OperationKind.Login => LoggedIn,
        Operations.OperationKind.Logout => LoggedOut,
        Operations.OperationKind.Pause => Paused,
        _ => Unpaused,
    };
}
