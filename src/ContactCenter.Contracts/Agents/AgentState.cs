namespace ContactCenter.Contracts.Agents;

/// <summary>The states of an agent (<see cref="AgentStateChanged.State"/>), as strings so new ones never break a consumer.</summary>
public static class AgentState
{
    public const string LoggedOut = "logged-out";

    /// <summary>Logged in, not paused everywhere, phone idle: can take a call.</summary>
    public const string Available = "available";

    /// <summary>A queue call is ringing the agent's phone.</summary>
    public const string Ringing = "ringing";

    public const string OnCall = "on-call";

    /// <summary>After a queue call, for the queue's wrap-up time, before the agent is offered the next one.</summary>
    public const string WrapUp = "wrap-up";

    /// <summary>Paused in every queue the agent is logged in to (the pause code says why).</summary>
    public const string Paused = "paused";
}
