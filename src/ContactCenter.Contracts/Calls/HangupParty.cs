namespace ContactCenter.Contracts.Calls;

/// <summary>Who ended a call (<see cref="CallEnded.HungUpBy"/>).</summary>
public static class HangupParty
{
    /// <summary>The customer on the trunk.</summary>
    public const string Customer = "customer";

    /// <summary>The agent (queue member, or the agent phone of an originated call).</summary>
    public const string Agent = "agent";

    /// <summary>The phone that started an internal call.</summary>
    public const string Caller = "caller";

    /// <summary>The phone that was called in an internal call.</summary>
    public const string Callee = "callee";

    /// <summary>Asterisk or the product ended it (dialplan end, timeout, hang-up command).</summary>
    public const string System = "system";

    /// <summary>Not knowable, e.g. the call ended while the connector was disconnected.</summary>
    public const string Unknown = "unknown";
}
