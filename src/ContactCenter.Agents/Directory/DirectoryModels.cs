namespace ContactCenter.Agents.Directory;

/// <summary>An agent of the center.</summary>
public sealed class AgentRecord
{
    public string AgentNumber { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public bool Active { get; set; }

    public bool HasPin { get; set; }
}

/// <summary>A phone of the center: its interface and the Asterisk server it is on.</summary>
public sealed class ExtensionRecord
{
    public string Interface { get; set; } = string.Empty;

    public string Server { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;
}

/// <summary>An Asterisk queue the center uses (its wrap-up time should match queues.conf).</summary>
public sealed class QueueRecord
{
    public string Server { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public int WrapupSeconds { get; set; }
}

/// <summary>An agent linked to a queue, with the penalty Asterisk uses to order members.</summary>
public sealed class AgentQueueLink
{
    public string AgentNumber { get; set; } = string.Empty;

    public string Server { get; set; } = string.Empty;

    public string Queue { get; set; } = string.Empty;

    public int Penalty { get; set; }
}

/// <summary>A reason to pause, dialled as <c>**2&lt;code&gt;</c>.</summary>
public sealed class PauseCodeRecord
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>Whether the center counts this pause as productive time (e.g. back-office work).</summary>
    public bool Productive { get; set; }

    public bool Active { get; set; }
}
