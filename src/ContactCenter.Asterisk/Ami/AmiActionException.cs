namespace ContactCenter.Asterisk.Ami;

/// <summary>Asterisk answered an action with <c>Response: Error</c>.</summary>
public sealed class AmiActionException : AmiException
{
    public AmiActionException(string action, string actionId, string asteriskMessage)
        : base(Describe(action, actionId, asteriskMessage))
    {
        Action = action;
        ActionId = actionId;
        AsteriskMessage = asteriskMessage;
    }

    /// <summary>The action name, e.g. <c>QueueAdd</c>.</summary>
    public string Action { get; }

    public string ActionId { get; }

    /// <summary>Asterisk's own words, e.g. <c>Unable to add interface: Already there</c>.</summary>
    public string AsteriskMessage { get; }

    private static string Describe(string action, string actionId, string message)
    {
        var hint = message.Equals("Permission denied", StringComparison.OrdinalIgnoreCase)
            ? " (the session is not logged in, or the manager.conf user lacks the write class for this action)"
            : string.Empty;
        return $"Asterisk refused AMI action {action} (ActionID {actionId}): {message}{hint}";
    }
}
