namespace ContactCenter.Contracts.Agents;

/// <summary>What caused an agent change (history and events), as strings.</summary>
public static class AgentStateSource
{
    /// <summary>A feature code dialled on the agent's phone.</summary>
    public const string Phone = "phone";

    /// <summary>The agent, through the web API.</summary>
    public const string Web = "web";

    /// <summary>A supervisor or admin, through the web API.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Corrected to Asterisk's truth after a reconnect or restart.</summary>
    public const string Reconcile = "reconcile";

    /// <summary>Asterisk itself: calls ringing, answered, ending; wrap-up running out.</summary>
    public const string Asterisk = "asterisk";
}
