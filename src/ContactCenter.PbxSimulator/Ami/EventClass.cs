namespace ContactCenter.PbxSimulator.Ami;

/// <summary>AMI read/write classes (manager.conf <c>read =</c>/<c>write =</c>, the <c>Events</c> mask, an event's <c>Privilege</c>).</summary>
[Flags]
internal enum EventClass
{
    None = 0,
    System = 1 << 0,
    Call = 1 << 1,
    Log = 1 << 2,
    Verbose = 1 << 3,
    Command = 1 << 4,
    Agent = 1 << 5,
    User = 1 << 6,
    Config = 1 << 7,
    Dtmf = 1 << 8,
    Reporting = 1 << 9,
    Cdr = 1 << 10,
    Dialplan = 1 << 11,
    Originate = 1 << 12,
    Agi = 1 << 13,
    Cc = 1 << 14,
    Aoc = 1 << 15,
    Test = 1 << 16,
    Security = 1 << 17,
    Message = 1 << 18,
    All = (1 << 19) - 1,
}

internal static class EventClasses
{
    private static readonly (string Name, EventClass Class)[] Names =
    [
        ("system", EventClass.System), ("call", EventClass.Call), ("log", EventClass.Log), ("verbose", EventClass.Verbose),
        ("command", EventClass.Command), ("agent", EventClass.Agent), ("user", EventClass.User), ("config", EventClass.Config),
        ("dtmf", EventClass.Dtmf), ("reporting", EventClass.Reporting), ("cdr", EventClass.Cdr), ("dialplan", EventClass.Dialplan),
        ("originate", EventClass.Originate), ("agi", EventClass.Agi), ("cc", EventClass.Cc), ("aoc", EventClass.Aoc),
        ("test", EventClass.Test), ("security", EventClass.Security), ("message", EventClass.Message),
    ];

    /// <summary>Parses a manager.conf class list (<c>system,call,agent</c>, <c>all</c>, <c>none</c>).</summary>
    public static EventClass ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return EventClass.None;
        }
        var result = EventClass.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                result |= EventClass.All;
                continue;
            }
            if (part.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var match = Array.Find(Names, n => n.Name.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                throw new ArgumentException($"'{part}' is not an AMI class (system, call, agent, user, dialplan, originate, command, cdr, security, reporting, …)");
            }
            result |= match.Class;
        }
        return result;
    }

    /// <summary>
    /// The <c>Events</c> header of Login or the <c>EventMask</c> of the Events action: <c>on</c>/<c>off</c>
    /// (and yes/no/true/false), a number, or a class list; null when the text means "leave as is".
    /// </summary>
    public static EventClass ParseMask(string text) => text.Trim().ToLowerInvariant() switch
    {
        "on" or "yes" or "true" => EventClass.All,
        "off" or "no" or "false" => EventClass.None,
        var t when int.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var n) => (EventClass)n & EventClass.All,
        var t => ParseList(t),
    };

    /// <summary>The <c>Privilege</c> value of an event of this class, e.g. <c>call,all</c>.</summary>
    public static string Privilege(EventClass cls)
    {
        foreach (var (name, c) in Names)
        {
            if (c == cls)
            {
                return name + ",all";
            }
        }
        return "all";
    }
}
