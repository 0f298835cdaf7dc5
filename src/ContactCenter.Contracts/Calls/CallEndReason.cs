namespace ContactCenter.Contracts.Calls;

/// <summary>Why a call ended (<see cref="CallEnded.Reason"/>), beyond the hangup cause.</summary>
public static class CallEndReason
{
    /// <summary>Its channels hung up and the connector saw it.</summary>
    public const string Normal = "normal";

    /// <summary>The call was gone from Asterisk's channel list after a reconnect or restart: its end was not seen.</summary>
    public const string LostDuringDisconnect = "lost-during-disconnect";
}
