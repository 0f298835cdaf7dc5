namespace ContactCenter.Agents.Operations;

/// <summary>A row of <c>agent_operation_step</c>: one queue action of an operation, and its command.</summary>
internal sealed class OperationStep
{
    public Guid CommandId { get; set; }

    public Guid OperationId { get; set; }

    public string AgentNumber { get; set; } = string.Empty;

    public string Server { get; set; } = string.Empty;

    public string Queue { get; set; } = string.Empty;

    public string Interface { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string? PreviousPauseCode { get; set; }

    public string Status { get; set; } = string.Empty;

    public string? Detail { get; set; }
}

/// <summary>A row of <c>agent_operation</c>.</summary>
internal sealed class OperationRow
{
    public Guid Id { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string AgentNumber { get; set; } = string.Empty;

    public string Server { get; set; } = string.Empty;

    public string Interface { get; set; } = string.Empty;

    public string? PauseCode { get; set; }

    public string? ChannelId { get; set; }

    public string? Code { get; set; }

    public string Source { get; set; } = string.Empty;

    public string RequestedBy { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string? Detail { get; set; }

    public DateTime AnswerBy { get; set; }

    public DateTime CreatedAt { get; set; }
}
