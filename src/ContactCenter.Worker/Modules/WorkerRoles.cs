using Microsoft.Extensions.Options;

namespace ContactCenter.Worker.Modules;

/// <summary>
/// The roles this process runs, from the <c>Roles</c> setting: a comma list of <c>connector</c>,
/// <c>agents</c>, <c>outbound</c>, <c>calls</c>, <c>api</c>; all of them when the setting is absent.
/// Like Loki's <c>-target</c>: one binary, all-in-one on a laptop, split by role on a cluster.
/// </summary>
public sealed class WorkerRoles
{
    public const string Key = "Roles";
    public const string Connector = "connector";
    public const string Agents = "agents";
    public const string Outbound = "outbound";
    public const string Calls = "calls";
    public const string Api = "api";

    public static IReadOnlyList<string> Known { get; } = [Connector, Agents, Outbound, Calls, Api];

    private WorkerRoles(IReadOnlySet<string> enabled) => Enabled = enabled;

    public IReadOnlySet<string> Enabled { get; }

    public bool IsEnabled(string role) => Enabled.Contains(role);

    /// <summary>Reads and checks <c>Roles</c>; a bad value stops the process naming the key.</summary>
    public static WorkerRoles From(string? setting)
    {
        if (setting is null)
        {
            return new WorkerRoles(Known.ToHashSet(StringComparer.Ordinal));
        }
        var roles = setting.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant()).ToList();
        if (roles.Count == 0)
        {
            throw Invalid($"{Key}: is empty; name at least one of {string.Join(", ", Known)} (or remove it to run all)");
        }
        var unknown = roles.Where(r => !Known.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid($"{Key}: unknown role '{string.Join("', '", unknown)}'; known roles: {string.Join(", ", Known)}");
        }
        return new WorkerRoles(roles.ToHashSet(StringComparer.Ordinal));
    }

    public override string ToString() => string.Join(",", Known.Where(Enabled.Contains));

    private static OptionsValidationException Invalid(string message) => new(Key, typeof(WorkerRoles), [message]);
}
