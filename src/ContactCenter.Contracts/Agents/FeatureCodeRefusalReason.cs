namespace ContactCenter.Contracts.Agents;

/// <summary>Why a feature code was refused (<see cref="FeatureCodeRefused.Reason"/>).</summary>
public static class FeatureCodeRefusalReason
{
    public const string Malformed = "malformed";
    public const string UnknownAgent = "unknown-agent";
    public const string InactiveAgent = "inactive-agent";
    public const string UnknownPauseCode = "unknown-pause-code";

    /// <summary>Pause, unpause or logout from an extension where nobody is logged in.</summary>
    public const string NobodyLoggedIn = "nobody-logged-in";

    /// <summary>The agent is linked to no queue on this server.</summary>
    public const string NoQueues = "no-queues";

    /// <summary>The extension is not one of the center's extensions.</summary>
    public const string UnknownExtension = "unknown-extension";

    /// <summary>Asterisk refused or failed the queue actions.</summary>
    public const string AsteriskFailed = "asterisk-failed";

    /// <summary>No answer in time: the phone heard "try later" and everything begun was undone.</summary>
    public const string TimedOut = "timed-out";
}
