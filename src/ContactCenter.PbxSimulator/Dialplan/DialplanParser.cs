using System.Globalization;
using ContactCenter.PbxSimulator.Config;

namespace ContactCenter.PbxSimulator.Dialplan;

/// <summary>
/// Parses extensions.conf into a <see cref="DialplanModel"/>: <c>[general]</c>, <c>[globals]</c>, contexts with
/// <c>exten =&gt;</c>, <c>same =&gt;</c> (priorities <c>n</c>, numbers, labels <c>n(label)</c>) and
/// <c>include =&gt;</c>. An application or function the simulator does not implement is a load error naming
/// the file and line, never a silent no-op at call time.
/// </summary>
internal static class DialplanParser
{
    /// <summary>Applications the simulator executes, with Asterisk's spelling.</summary>
    public static readonly IReadOnlyList<string> Applications =
        ["NoOp", "Answer", "Hangup", "Stasis", "UserEvent", "Playback", "MixMonitor", "Queue", "Dial", "Goto", "Set", "Wait"];

    /// <summary>Dialplan functions the simulator evaluates inside <c>${…}</c>.</summary>
    public static readonly IReadOnlyList<string> Functions = ["CALLERID"];

    private static readonly HashSet<string> GeneralKeys =
        new(["static", "writeprotect", "clearglobalvars", "autofallthrough", "extenpatternmatchnew", "userscontext"], StringComparer.OrdinalIgnoreCase);

    public static DialplanModel Parse(string text, string source)
    {
        var contexts = new Dictionary<string, DialplanContext>(StringComparer.Ordinal);
        var globals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in ConfFile.Parse(text, source))
        {
            if (section.Name.Equals("general", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var entry in section.Entries.Where(e => !GeneralKeys.Contains(e.Key)))
                {
                    throw new PbxConfigException(source, entry.Line, $"[general] option '{entry.Key}' is not known to the simulator");
                }
                continue;
            }
            if (section.Name.Equals("globals", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var entry in section.Entries)
                {
                    globals[entry.Key] = entry.Value;
                }
                continue;
            }
            if (!contexts.TryGetValue(section.Name, out var context))
            {
                context = new DialplanContext(section.Name);
                contexts.Add(section.Name, context);
            }
            ParseContext(section, context, source);
        }
        foreach (var context in contexts.Values)
        {
            foreach (var include in context.Includes.Where(i => !contexts.ContainsKey(i)))
            {
                throw new PbxConfigException(source, 0, $"[{context.Name}] includes '{include}', which is not a context of this file");
            }
        }
        return new DialplanModel(contexts, globals, source);
    }

    private static void ParseContext(ConfSection section, DialplanContext context, string source)
    {
        DialplanExtension? last = null;
        foreach (var entry in section.Entries)
        {
            switch (entry.Key.ToLowerInvariant())
            {
                case "include":
                    context.Includes.Add(entry.Value);
                    break;
                case "exten":
                    last = AddStep(context, null, entry, source);
                    break;
                case "same":
                    if (last is null)
                    {
                        throw new PbxConfigException(source, entry.Line, "'same =>' before any 'exten =>' in this context");
                    }
                    AddStep(context, last, entry, source);
                    break;
                default:
                    throw new PbxConfigException(source, entry.Line, $"'{entry.Key}' in [{section.Name}] is not exten, same or include");
            }
        }
    }

    private static DialplanExtension? AddStep(DialplanContext context, DialplanExtension? same, ConfEntry entry, string source)
    {
        var parts = same is null ? SplitFirst(entry.Value, 3) : ["", .. SplitFirst(entry.Value, 2)];
        if (parts.Length < 3)
        {
            throw new PbxConfigException(source, entry.Line, $"'{entry.Value}': expected {(same is null ? "pattern,priority,Application(args)" : "priority,Application(args)")}");
        }
        var priorityText = parts[1].Trim();
        if (priorityText.Equals("hint", StringComparison.OrdinalIgnoreCase))
        {
            return same;
        }
        DialplanExtension extension;
        try
        {
            extension = same ?? context.GetOrAdd(ExtensionPattern.Parse(parts[0].Trim()));
        }
        catch (FormatException ex)
        {
            throw new PbxConfigException(source, entry.Line, ex.Message);
        }
        var (priority, label) = ParsePriority(priorityText, extension, source, entry.Line);
        var (app, args) = ParseApplication(parts[2].Trim(), source, entry.Line);
        if (!extension.Priorities.TryAdd(priority, new DialplanStep(extension.Pattern.Text, priority, label, app, args, source, entry.Line)))
        {
            throw new PbxConfigException(source, entry.Line, $"priority {priority} of '{extension.Pattern.Text}' in [{context.Name}] is defined twice");
        }
        return extension;
    }

    private static (int Priority, string? Label) ParsePriority(string text, DialplanExtension extension, string source, int line)
    {
        string? label = null;
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && text.EndsWith(')'))
        {
            label = text[(open + 1)..^1];
            text = text[..open];
        }
        if (text.Equals("n", StringComparison.OrdinalIgnoreCase))
        {
            if (extension.Priorities.Count == 0)
            {
                throw new PbxConfigException(source, line, $"priority 'n' as the first priority of '{extension.Pattern.Text}'");
            }
            return (extension.LastPriority + 1, label);
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return (number, label);
        }
        throw new PbxConfigException(source, line, $"'{text}' is not a priority (a number, n or n(label))");
    }

    private static (string App, string Args) ParseApplication(string text, string source, int line)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        string name, args;
        if (open < 0)
        {
            name = text;
            args = string.Empty;
        }
        else
        {
            if (!text.EndsWith(')'))
            {
                throw new PbxConfigException(source, line, $"'{text}': the application arguments are not closed with ')'");
            }
            name = text[..open].Trim();
            args = text[(open + 1)..^1];
        }
        var known = Applications.FirstOrDefault(a => a.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new PbxConfigException(source, line,
                $"application '{name}' is not implemented by the PBX simulator (it runs: {string.Join(", ", Applications)})");
        ValidateExpressions(args, source, line);
        return (known, args);
    }

    private static void ValidateExpressions(string args, string source, int line)
    {
        if (args.Contains("$[", StringComparison.Ordinal))
        {
            throw new PbxConfigException(source, line, $"'{args}': $[…] expressions are not implemented by the simulator");
        }
        var index = 0;
        while ((index = args.IndexOf("${", index, StringComparison.Ordinal)) >= 0)
        {
            index += 2;
            var end = index;
            while (end < args.Length && (char.IsLetterOrDigit(args[end]) || args[end] == '_'))
            {
                end++;
            }
            if (end < args.Length && args[end] == '(')
            {
                var function = args[index..end];
                if (!Functions.Contains(function, StringComparer.OrdinalIgnoreCase))
                {
                    throw new PbxConfigException(source, line, $"dialplan function {function}() is not implemented by the simulator (it has: {string.Join(", ", Functions)})");
                }
            }
        }
    }

    /// <summary>Splits on the first <paramref name="count"/>-1 commas; the last part keeps its commas.</summary>
    private static string[] SplitFirst(string text, int count) => text.Split(',', count);
}
