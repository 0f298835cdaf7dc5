namespace ContactCenter.Asterisk.Ami;

/// <summary>No response to an action within its timeout. The action may still have been executed.</summary>
public sealed class AmiTimeoutException : AmiException
{
    public AmiTimeoutException(string action, string actionId, TimeSpan timeout, AmiConnectionState state, int pending)
        : base($"AMI action {action} (ActionID {actionId}) got no response within {timeout.TotalMilliseconds:0} ms; connection {state}, {pending} actions pending")
    {
        Action = action;
        ActionId = actionId;
    }

    public string Action { get; }

    public string ActionId { get; }
}
