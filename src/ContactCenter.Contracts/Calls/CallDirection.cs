namespace ContactCenter.Contracts.Calls;

/// <summary>Directions of a call, as strings so that new ones never break a consumer.</summary>
public static class CallDirection
{
    /// <summary>A customer called in on the carrier trunk.</summary>
    public const string Inbound = "inbound";

    /// <summary>A call to a customer on the trunk: originated by the product or dialled by an agent.</summary>
    public const string Outbound = "outbound";

    /// <summary>Between phones of the center (agent to agent, a phone testing a queue).</summary>
    public const string Internal = "internal";
}
