namespace ContactCenter.PbxSimulator.Dialplan;

/// <summary>One priority of an extension: the application and its raw (unexpanded) arguments, with where it was written.</summary>
internal sealed record DialplanStep(string Extension, int Priority, string? Label, string App, string RawArgs, string Source, int Line);

/// <summary>The priorities of one extension of a context.</summary>
internal sealed class DialplanExtension(ExtensionPattern pattern)
{
    public ExtensionPattern Pattern { get; } = pattern;

    public SortedDictionary<int, DialplanStep> Priorities { get; } = [];

    public int LastPriority => Priorities.Count == 0 ? 0 : Priorities.Keys.Max();
}

/// <summary>A <c>[context]</c>: its extensions in Asterisk's match order and its <c>include =&gt;</c> list.</summary>
internal sealed class DialplanContext(string name)
{
    public string Name { get; } = name;

    public List<DialplanExtension> Extensions { get; } = [];

    public List<string> Includes { get; } = [];

    public DialplanExtension GetOrAdd(ExtensionPattern pattern)
    {
        foreach (var e in Extensions)
        {
            if (e.Pattern.Text == pattern.Text)
            {
                return e;
            }
        }
        var added = new DialplanExtension(pattern);
        Extensions.Add(added);
        Extensions.Sort((a, b) => a.Pattern.CompareTo(b.Pattern));
        return added;
    }
}
