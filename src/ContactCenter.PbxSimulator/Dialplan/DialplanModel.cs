namespace ContactCenter.PbxSimulator.Dialplan;

/// <summary>
/// A loaded extensions.conf: contexts with includes, and <c>[globals]</c>. Lookups follow Asterisk: the
/// best match inside a context first, then its includes in order (depth first); the channel keeps the
/// context it searched from.
/// </summary>
internal sealed class DialplanModel
{
    private readonly Dictionary<string, DialplanContext> _contexts;

    public DialplanModel(Dictionary<string, DialplanContext> contexts, IReadOnlyDictionary<string, string> globals, string source)
    {
        _contexts = contexts;
        Globals = globals;
        Source = source;
    }

    public IReadOnlyDictionary<string, string> Globals { get; }

    /// <summary>Where the dialplan came from (file name or "embedded"), for messages.</summary>
    public string Source { get; }

    public bool HasContext(string name) => _contexts.ContainsKey(name);

    /// <summary>The step at <paramref name="priority"/> of the best extension matching <paramref name="exten"/>, or null.</summary>
    public DialplanStep? Find(string context, string exten, int priority) =>
        Find(context, exten, e => e.Priorities.TryGetValue(priority, out var step) ? step : null, []);

    /// <summary>True when <paramref name="exten"/> has a priority 1 in <paramref name="context"/> (or its includes).</summary>
    public bool Exists(string context, string exten) => Find(context, exten, 1) is not null;

    /// <summary>The priority carrying <paramref name="label"/> in the extension matching <paramref name="exten"/>.</summary>
    public int? FindLabel(string context, string exten, string label) =>
        Find(context, exten, e => e.Priorities.Values.FirstOrDefault(s => string.Equals(s.Label, label, StringComparison.Ordinal)), [])?.Priority;

    private DialplanStep? Find(string context, string exten, Func<DialplanExtension, DialplanStep?> pick, HashSet<string> visited)
    {
        if (!visited.Add(context) || !_contexts.TryGetValue(context, out var ctx))
        {
            return null;
        }
        foreach (var extension in ctx.Extensions)
        {
            if (extension.Pattern.Matches(exten) && pick(extension) is { } step)
            {
                return step;
            }
        }
        foreach (var include in ctx.Includes)
        {
            if (Find(include, exten, pick, visited) is { } step)
            {
                return step;
            }
        }
        return null;
    }
}
