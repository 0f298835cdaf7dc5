namespace ContactCenter.Hosting.Api;

/// <summary>
/// The authorization policies every API endpoint chooses from; the worker registers them. Declare them
/// with <see cref="ApiAccessExtensions"/> rather than by name.
/// </summary>
public static class ApiPolicies
{
    /// <summary>Any valid key: agent, supervisor or admin.</summary>
    public const string Agent = "api:agent";

    /// <summary>Supervisor or admin.</summary>
    public const string Supervisor = "api:supervisor";

    /// <summary>Admin only.</summary>
    public const string Admin = "api:admin";

    /// <summary>An agent key whose agent is the route's <c>{agent}</c>, or a supervisor or admin key.</summary>
    public const string SelfOrSupervisor = "api:self-or-supervisor";

    /// <summary>An agent key whose agent is the route's <c>{agent}</c>, or an admin key.</summary>
    public const string SelfOrAdmin = "api:self-or-admin";

    /// <summary>The route parameter the self policies compare with the key's agent number.</summary>
    public const string AgentRouteParameter = "agent";

    public static IReadOnlyList<string> All { get; } = [Agent, Supervisor, Admin, SelfOrSupervisor, SelfOrAdmin];
}
