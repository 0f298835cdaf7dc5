namespace ContactCenter.Agents.Operations;

/// <summary>What an agent operation does; stored as text in <c>agent_operation.kind</c>.</summary>
internal static class OperationKind
{
    public const string Login = "login";
    public const string Pause = "pause";
    public const string Unpause = "unpause";
    public const string Logout = "logout";
}

/// <summary>Status of an operation (<c>agent_operation.status</c>) and of its steps.</summary>
internal static class OperationStatus
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Refused = "refused";
    public const string TimedOut = "timed-out";

    /// <summary>A step Asterisk confirmed.</summary>
    public const string Confirmed = "confirmed";
}

/// <summary>What one step asks of Asterisk (<c>agent_operation_step.action</c>).</summary>
internal static class StepAction
{
    public const string Add = "add";
    public const string Remove = "remove";
    public const string Pause = "pause";
    public const string Unpause = "unpause";
}
