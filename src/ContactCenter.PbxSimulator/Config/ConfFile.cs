namespace ContactCenter.PbxSimulator.Config;

/// <summary>One <c>key = value</c> or <c>key => value</c> line of an Asterisk .conf file.</summary>
internal sealed record ConfEntry(string Key, string Value, bool IsObjectAssignment, int Line);

/// <summary>
/// A <c>[name]</c> section, with its template flag (<c>(!)</c>) and the templates it inherits
/// (<c>(tpl1,tpl2)</c>). <see cref="Entries"/> holds the inherited lines first, then its own.
/// </summary>
internal sealed class ConfSection(string name, bool isTemplate, IReadOnlyList<string> templates, int line)
{
    public string Name { get; } = name;

    public bool IsTemplate { get; } = isTemplate;

    public IReadOnlyList<string> Templates { get; } = templates;

    public int Line { get; } = line;

    public List<ConfEntry> Entries { get; } = [];

    /// <summary>Last value of <paramref name="key"/> (later lines win, as in Asterisk), or null.</summary>
    public string? Get(string key)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            if (Entries[i].Key.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return Entries[i].Value;
            }
        }
        return null;
    }
}

/// <summary>
/// The Asterisk configuration file syntax shared by extensions.conf, queues.conf and pjsip.conf:
/// sections, templates, <c>=</c> and <c>=&gt;</c>, <c>;</c> comments (<c>\;</c> is a literal semicolon).
/// Errors name the file and line.
/// </summary>
internal static class ConfFile
{
    public static List<ConfSection> Parse(string text, string fileName)
    {
        var sections = new List<ConfSection>();
        var byName = new Dictionary<string, ConfSection>(StringComparer.Ordinal);
        ConfSection? current = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = StripComment(rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line[0] == '#')
            {
                throw new PbxConfigException(fileName, lineNumber, $"'{line}': #include and #exec are not supported by the simulator");
            }
            if (line[0] == '[')
            {
                current = ParseHeader(line, fileName, lineNumber, byName);
                if (!byName.ContainsKey(current.Name) || !ReferenceEquals(byName[current.Name], current))
                {
                    sections.Add(current);
                    byName.TryAdd(current.Name, current);
                }
                continue;
            }
            if (current is null)
            {
                throw new PbxConfigException(fileName, lineNumber, $"'{line}' comes before any [section]");
            }
            current.Entries.Add(ParseEntry(line, fileName, lineNumber));
        }
        return sections;
    }

    private static ConfSection ParseHeader(string line, string fileName, int lineNumber, Dictionary<string, ConfSection> byName)
    {
        var close = line.IndexOf(']', StringComparison.Ordinal);
        if (close < 2)
        {
            throw new PbxConfigException(fileName, lineNumber, $"'{line}' is not a [section] header");
        }
        var name = line[1..close].Trim();
        var rest = line[(close + 1)..].Trim();
        var isTemplate = false;
        var templates = new List<string>();
        var append = false;
        if (rest.Length > 0)
        {
            if (rest[0] != '(' || rest[^1] != ')')
            {
                throw new PbxConfigException(fileName, lineNumber, $"'{line}': expected '(!)', '(+)' or '(template,…)' after the section name");
            }
            foreach (var part in rest[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "!")
                {
                    isTemplate = true;
                }
                else if (part == "+")
                {
                    append = true;
                }
                else
                {
                    templates.Add(part);
                }
            }
        }
        if (append)
        {
            return byName.TryGetValue(name, out var existing)
                ? existing
                : throw new PbxConfigException(fileName, lineNumber, $"[{name}](+) adds to a section that was not defined before");
        }
        var section = new ConfSection(name, isTemplate, templates, lineNumber);
        foreach (var template in templates)
        {
            if (!byName.TryGetValue(template, out var source))
            {
                throw new PbxConfigException(fileName, lineNumber, $"[{name}] inherits from '{template}', which is not defined above it");
            }
            section.Entries.AddRange(source.Entries);
        }
        return section;
    }

    private static ConfEntry ParseEntry(string line, string fileName, int lineNumber)
    {
        var eq = line.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new PbxConfigException(fileName, lineNumber, $"'{line}' is not 'key = value' or 'key => value'");
        }
        var isObject = eq + 1 < line.Length && line[eq + 1] == '>';
        var key = line[..eq].Trim();
        var value = line[(eq + (isObject ? 2 : 1))..].Trim();
        return new ConfEntry(key, value, isObject, lineNumber);
    }

    private static string StripComment(string line)
    {
        var semicolon = -1;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == ';' && (i == 0 || line[i - 1] != '\\'))
            {
                semicolon = i;
                break;
            }
        }
        var kept = semicolon >= 0 ? line[..semicolon] : line;
        return kept.Replace("\\;", ";", StringComparison.Ordinal).TrimEnd('\r');
    }
}
