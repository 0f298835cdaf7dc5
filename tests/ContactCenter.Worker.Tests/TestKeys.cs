using ContactCenter.Worker.Api;

namespace ContactCenter.Worker.Tests;

/// <summary>Fresh random keys per test run, configured by hash like in production.</summary>
internal static class TestKeys
{
    public static readonly string Admin = ApiKeyHash.NewKey();
    public static readonly string Supervisor = ApiKeyHash.NewKey();
    public static readonly string Agent1001 = ApiKeyHash.NewKey();
    public static readonly string Agent1002 = ApiKeyHash.NewKey();
    public static readonly string Unknown = ApiKeyHash.NewKey();

    public static IReadOnlyList<string> All { get; } = [Admin, Supervisor, Agent1001, Agent1002, Unknown];

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Api:Keys:0:Name"] = "ops", ["Api:Keys:0:Role"] = "admin", ["Api:Keys:0:Hash"] = ApiKeyHash.Compute(Admin),
        ["Api:Keys:1:Name"] = "floor-lead", ["Api:Keys:1:Role"] = "supervisor", ["Api:Keys:1:Hash"] = ApiKeyHash.Compute(Supervisor),
        ["Api:Keys:2:Name"] = "alice", ["Api:Keys:2:Role"] = "agent", ["Api:Keys:2:Agent"] = "1001", ["Api:Keys:2:Hash"] = ApiKeyHash.Compute(Agent1001),
        ["Api:Keys:3:Name"] = "bob", ["Api:Keys:3:Role"] = "agent", ["Api:Keys:3:Agent"] = "1002", ["Api:Keys:3:Hash"] = ApiKeyHash.Compute(Agent1002),
    };
}
