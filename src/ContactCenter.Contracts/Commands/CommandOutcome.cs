namespace ContactCenter.Contracts.Commands;

/// <summary>Outcomes of <see cref="CommandCompleted"/>, as strings so new ones never break a consumer.</summary>
public static class CommandOutcome
{
    public const string Done = "done";

    /// <summary>AddQueueMember: the member was already there (the intent holds).</summary>
    public const string AlreadyMember = "already-member";

    /// <summary>RemoveQueueMember / PauseQueueMember: the interface is not a member.</summary>
    public const string NotMember = "not-member";

    public const string NoSuchQueue = "no-such-queue";

    /// <summary>The channel does not exist (any more).</summary>
    public const string ChannelGone = "channel-gone";

    /// <summary>OriginateCall: the first leg answered.</summary>
    public const string Answered = "answered";

    public const string Busy = "busy";

    public const string NoAnswer = "no-answer";

    public const string Congestion = "congestion";

    /// <summary>The server is not connected; nothing was sent.</summary>
    public const string NotConnected = "not-connected";

    /// <summary>No answer from Asterisk in time; the action may or may not have been executed.</summary>
    public const string Timeout = "timeout";

    /// <summary>Asterisk refused or failed; see <see cref="CommandCompleted.Detail"/>.</summary>
    public const string Failed = "failed";

    /// <summary>The command was invalid (unknown server, bad value); nothing was sent.</summary>
    public const string Rejected = "rejected";
}
