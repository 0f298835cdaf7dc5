using System.Text.RegularExpressions;

namespace ContactCenter.Worker.Tests.Contracts;

/// <summary>
/// docs/events.md read the way its tests need it: one section per <c>### Name</c> heading (up to the next
/// <c>##</c> or <c>###</c> heading), the first <c>json</c> block of a section, the table rows whose first cell
/// is a <c>`code`</c> name, and the messages named in the walk-through tables (header cell <c>Message</c>).
/// </summary>
internal sealed partial class EventsDocument
{
    public const string RelativePath = "docs/events.md";

    private EventsDocument(string text, IReadOnlyList<DocumentSection> sections, IReadOnlyList<(string Name, int Line)> walkthroughMessages)
    {
        Text = text;
        Sections = sections;
        WalkthroughMessages = walkthroughMessages;
    }

    public string Text { get; }

    /// <summary>Every <c>###</c> section, in document order (duplicates kept, so they can be reported).</summary>
    public IReadOnlyList<DocumentSection> Sections { get; }

    /// <summary>Names in the <c>Message</c> column of the walk-through tables, with their line numbers.</summary>
    public IReadOnlyList<(string Name, int Line)> WalkthroughMessages { get; }

    public DocumentSection? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);

    /// <summary>The copy next to the test assembly (linked from the repository's docs/ by the project file).</summary>
    public static EventsDocument Load()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, RelativePath);
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing: the test project copies the repository's {RelativePath} to its output");
        }
        return Parse(File.ReadAllText(path));
    }

    public static EventsDocument Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sections = new List<DocumentSection>();
        var walkthrough = new List<(string, int)>();
        string? name = null;
        var start = 0;
        var body = new List<string>();
        var inFence = false;
        var messageTable = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            var heading = !inFence && (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal));
            if (heading)
            {
                if (name is not null)
                {
                    sections.Add(new DocumentSection(name, start + 1, body.ToArray()));
                }
                name = line.StartsWith("### ", StringComparison.Ordinal) ? line[4..].Trim() : null;
                start = i;
                body.Clear();
                continue;
            }
            body.Add(line);
            if (!inFence && line.StartsWith('|'))
            {
                var cells = Cells(line);
                if (cells.Length > 1 && cells[1] == "Message")
                {
                    messageTable = true;
                }
                else if (messageTable && CodeName(cells.ElementAtOrDefault(1)) is { } message)
                {
                    walkthrough.Add((message, i + 1));
                }
            }
            else
            {
                messageTable = false;
            }
        }
        if (name is not null)
        {
            sections.Add(new DocumentSection(name, start + 1, body.ToArray()));
        }
        return new EventsDocument(text, sections, walkthrough);
    }

    /// <summary>The cells of a table row, trimmed, without the outer pipes.</summary>
    public static string[] Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    /// <summary>The name inside a cell written as <c>`name`</c>, else null.</summary>
    public static string? CodeName(string? cell) =>
        cell is { Length: > 2 } && cell[0] == '`' && cell[^1] == '`' && cell.IndexOf('`', 1) == cell.Length - 1 ? cell[1..^1] : null;

    /// <summary>Every <c>ContactCenter.Contracts…</c> name in the text: <c>Namespace:Type</c> (MassTransit) or dotted.</summary>
    public IEnumerable<string> ContractReferences() => ContractReference().Matches(Text).Select(m => m.Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"ContactCenter\.Contracts(?:\.[A-Za-z]+)*(?::[A-Za-z]+)?")]
    private static partial Regex ContractReference();
}

/// <summary>One <c>### Name</c> section of the document.</summary>
internal sealed record DocumentSection(string Name, int Line, IReadOnlyList<string> Lines)
{
    /// <summary>The first <c>```json</c> block, or null.</summary>
    public string? Json
    {
        get
        {
            var open = Lines.ToList().FindIndex(l => l.Trim() == "```json");
            if (open < 0)
            {
                return null;
            }
            var close = Lines.ToList().FindIndex(open + 1, l => l.Trim() == "```");
            return close < 0 ? null : string.Join('\n', Lines.Skip(open + 1).Take(close - open - 1));
        }
    }

    /// <summary>Table rows outside code blocks whose first cell is a <c>`name`</c>: the field or value tables.</summary>
    public IReadOnlyList<string[]> NamedRows
    {
        get
        {
            var rows = new List<string[]>();
            var inFence = false;
            foreach (var line in Lines)
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }
                else if (!inFence && line.StartsWith('|') && EventsDocument.Cells(line) is var cells && EventsDocument.CodeName(cells[0]) is not null)
                {
                    rows.Add(cells);
                }
            }
            return rows;
        }
    }

    /// <summary>The first <c>urn:message:…</c> the section names, or null.</summary>
    public string? Urn => Lines.Select(l => l.IndexOf("urn:message:", StringComparison.Ordinal) is var at and >= 0 ? l[at..].Split('`', ' ')[0] : null)
        .FirstOrDefault(u => u is not null);
}
