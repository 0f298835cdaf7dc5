namespace ContactCenter.Hosting.Api;

/// <summary>
/// The roles an API key carries. They are ordered: <c>admin</c> includes <c>supervisor</c>, which
/// includes what an <c>agent</c> may do for any agent; an <c>agent</c> key acts only as its own agent.
/// </summary>
public static class ApiRoles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Agent, Supervisor, Admin];

    /// <summary>True when a key with role <paramref name="granted"/> may do what <paramref name="required"/> may.</summary>
    public static bool Includes(string granted, string required) => Rank(granted) >= Rank(required) && Rank(required) > 0;

    private static int Rank(string role) => role switch
    {
        Agent => 1,
        Supervisor => 2,
        Admin => 3,
        _ => 0,
    };
}
