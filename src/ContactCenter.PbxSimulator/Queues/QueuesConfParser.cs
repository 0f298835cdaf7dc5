using System.Globalization;
using ContactCenter.PbxSimulator.Config;

namespace ContactCenter.PbxSimulator.Queues;

/// <summary>
/// Parses queues.conf. Options that change what AMI shows or how calls are routed are modelled; options
/// about announcements and sounds are accepted and ignored (the simulator plays no audio to callers in a
/// queue). Any other option is a load error naming file and line.
/// </summary>
internal static class QueuesConfParser
{
    private static readonly HashSet<string> IgnoredQueueKeys = new(
    [
        "musicclass", "musiconhold", "announce", "announce-frequency", "min-announce-frequency", "periodic-announce-frequency",
        "periodic-announce", "random-periodic-announce", "relative-periodic-announce", "announce-holdtime", "announce-position",
        "announce-position-limit", "announce-round-seconds", "announce-to-first-user", "reportholdtime", "autopause", "autopausedelay",
        "autopausebusy", "autopauseunavail", "memberdelay", "timeoutrestart", "context", "defaultrule", "monitor-type", "monitor-format",
        "penaltymemberslimit", "queue-youarenext", "queue-thereare", "queue-callswaiting", "queue-holdtime", "queue-minutes",
        "queue-seconds", "queue-thankyou", "queue-reporthold", "log-restricted-caller-id",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> IgnoredGeneralKeys = new(
    [
        "monitor-type", "updatecdr", "negative_penalty_invalid", "log_membername_as_agent", "keepstats",
        "log_unpause_on_reason_change", "force_longest_waiting_caller", "log_caller_id_name",
    ], StringComparer.OrdinalIgnoreCase);

    public static QueuesConfig Parse(string text, string source)
    {
        var config = new QueuesConfig();
        foreach (var section in ConfFile.Parse(text, source))
        {
            if (section.Name.Equals("general", StringComparison.OrdinalIgnoreCase))
            {
                ParseGeneral(section, config, source);
                continue;
            }
            if (section.IsTemplate)
            {
                continue;
            }
            if (config.Queues.Any(q => q.Name == section.Name))
            {
                throw new PbxConfigException(source, section.Line, $"queue [{section.Name}] is defined twice");
            }
            var queue = new QueueDefinition { Name = section.Name, AutoFill = config.AutoFill };
            foreach (var entry in section.Entries)
            {
                Apply(queue, entry, source);
            }
            config.Queues.Add(queue);
        }
        return config;
    }

    private static void ParseGeneral(ConfSection section, QueuesConfig config, string source)
    {
        foreach (var entry in section.Entries)
        {
            switch (entry.Key.ToLowerInvariant())
            {
                case "persistentmembers":
                    config.PersistentMembers = Bool(entry, source);
                    break;
                case "autofill":
                    config.AutoFill = Bool(entry, source);
                    break;
                case "shared_lastcall":
                    config.SharedLastCall = Bool(entry, source);
                    break;
                default:
                    if (!IgnoredGeneralKeys.Contains(entry.Key))
                    {
                        throw new PbxConfigException(source, entry.Line, $"[general] option '{entry.Key}' is not known to the simulator");
                    }
                    break;
            }
        }
    }

    private static void Apply(QueueDefinition queue, ConfEntry entry, string source)
    {
        switch (entry.Key.ToLowerInvariant())
        {
            case "strategy":
                queue.Strategy = entry.Value.ToLowerInvariant() switch
                {
                    "ringall" => QueueStrategy.RingAll,
                    "rrmemory" or "roundrobin" => QueueStrategy.RrMemory,
                    "leastrecent" => QueueStrategy.LeastRecent,
                    "random" => QueueStrategy.Random,
                    "linear" => QueueStrategy.Linear,
                    "fewestcalls" => QueueStrategy.FewestCalls,
                    _ => throw new PbxConfigException(source, entry.Line, $"strategy '{entry.Value}' is not implemented by the simulator (ringall, rrmemory, leastrecent, random, linear, fewestcalls)"),
                };
                break;
            case "timeout":
                queue.Timeout = Int(entry, source);
                break;
            case "retry":
                queue.Retry = Int(entry, source);
                break;
            case "wrapuptime":
                queue.WrapupTime = Int(entry, source);
                break;
            case "maxlen":
                queue.MaxLen = Int(entry, source);
                break;
            case "servicelevel":
                queue.ServiceLevel = Int(entry, source);
                break;
            case "weight":
                queue.Weight = Int(entry, source);
                break;
            case "joinempty":
                queue.JoinEmpty = Empty(entry, source, join: true);
                break;
            case "leavewhenempty":
                queue.LeaveWhenEmpty = Empty(entry, source, join: false);
                break;
            case "ringinuse":
                queue.RingInUse = Bool(entry, source);
                break;
            case "setinterfacevar":
                queue.SetInterfaceVar = Bool(entry, source);
                break;
            case "setqueuevar":
                queue.SetQueueVar = Bool(entry, source);
                break;
            case "setqueueentryvar":
                queue.SetQueueEntryVar = Bool(entry, source);
                break;
            case "autofill":
                queue.AutoFill = Bool(entry, source);
                break;
            case "timeoutpriority":
                queue.TimeoutPriorityConf = entry.Value.Equals("conf", StringComparison.OrdinalIgnoreCase);
                break;
            case "member":
                queue.StaticMembers.Add(Member(entry, source));
                break;
            default:
                if (entry.Key.Equals("musicclass", StringComparison.OrdinalIgnoreCase) || entry.Key.Equals("musiconhold", StringComparison.OrdinalIgnoreCase))
                {
                    queue.MusicClass = entry.Value;
                }
                else if (!IgnoredQueueKeys.Contains(entry.Key))
                {
                    throw new PbxConfigException(source, entry.Line, $"queue option '{entry.Key}' in [{queue.Name}] is not known to the simulator");
                }
                break;
        }
    }

    private static StaticMember Member(ConfEntry entry, string source)
    {
        var parts = entry.Value.Split(',', StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
        {
            throw new PbxConfigException(source, entry.Line, "member => needs an interface");
        }
        var penalty = parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var p) ? p : 0;
        var name = parts.Length > 2 && parts[2].Length > 0 ? parts[2] : parts[0];
        var state = parts.Length > 3 && parts[3].Length > 0 ? parts[3] : parts[0];
        return new StaticMember(parts[0], penalty, name, state);
    }

    private static EmptyConditions Empty(ConfEntry entry, string source, bool join)
    {
        var value = entry.Value.ToLowerInvariant();
        const EmptyConditions strict = EmptyConditions.Penalty | EmptyConditions.Paused | EmptyConditions.Invalid | EmptyConditions.Unknown | EmptyConditions.Unavailable;
        switch (value)
        {
            case "yes" or "true" or "1":
                return join ? EmptyConditions.None : strict;
            case "no" or "false" or "0":
                return join ? strict : EmptyConditions.None;
            case "strict":
                return strict;
            case "loose":
                return EmptyConditions.Penalty | EmptyConditions.Invalid;
        }
        var result = EmptyConditions.None;
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            result |= part switch
            {
                "penalty" => EmptyConditions.Penalty,
                "paused" => EmptyConditions.Paused,
                "inuse" => EmptyConditions.InUse,
                "ringing" => EmptyConditions.Ringing,
                "unavailable" => EmptyConditions.Unavailable,
                "invalid" => EmptyConditions.Invalid,
                "unknown" => EmptyConditions.Unknown,
                "wrapup" => EmptyConditions.Wrapup,
                _ => throw new PbxConfigException(source, entry.Line, $"'{part}' is not a {entry.Key} condition (paused, penalty, inuse, ringing, unavailable, invalid, unknown, wrapup)"),
            };
        }
        return result;
    }

    private static int Int(ConfEntry entry, string source) =>
        int.TryParse(entry.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new PbxConfigException(source, entry.Line, $"{entry.Key} = '{entry.Value}' is not a non-negative number");

    internal static bool Bool(ConfEntry entry, string source) => entry.Value.ToLowerInvariant() switch
    {
        "yes" or "true" or "1" or "on" or "y" or "t" => true,
        "no" or "false" or "0" or "off" or "n" or "f" => false,
        _ => throw new PbxConfigException(source, entry.Line, $"{entry.Key} = '{entry.Value}' is not yes or no"),
    };
}
