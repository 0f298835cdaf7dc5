using System.Globalization;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator.Ami;

/// <summary>The CLI commands the AMI Command action answers (read-only ones an operator or a health check uses).</summary>
internal static class CliCommands
{
    private static readonly string[] AriModules =
    [
        "res_ari.so                     Asterisk RESTful Interface               12         Running              core",
        "res_ari_applications.so        RESTful API module - Stasis application  0          Running              core",
        "res_ari_asterisk.so            RESTful API module - Asterisk resources  0          Running              core",
        "res_ari_bridges.so             RESTful API module - Bridge resources    0          Running              core",
        "res_ari_channels.so            RESTful API module - Channel resources   0          Running              core",
        "res_ari_device_states.so       RESTful API module - Device state resour 0          Running              core",
        "res_ari_endpoints.so           RESTful API module - Endpoint resources  0          Running              core",
        "res_ari_events.so              RESTful API module - WebSocket resource  0          Running              core",
        "res_ari_model.so               ARI Model validators                     11         Running              core",
        "res_ari_playbacks.so           RESTful API module - Playback control re 0          Running              core",
        "res_ari_recordings.so          RESTful API module - Recording resources 0          Running              core",
        "res_ari_sounds.so              RESTful API module - Sound resources     0          Running              core",
    ];

    /// <summary>The output lines, or null for a command the simulator does not know.</summary>
    public static IReadOnlyList<string>? Run(PbxEngine engine, string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words).ToLowerInvariant();
        if (text == "core show version")
        {
            return [$"Asterisk {engine.Options.AsteriskVersion} built by root @ vm on a x86_64 running Linux on 2026-11-21 19:15:21 UTC"];
        }
        if (text == "core show uptime")
        {
            var up = (long)(engine.Clock.Now - engine.StartedAt).TotalSeconds;
            return [$"System uptime: {up} seconds", $"Last reload: {up} seconds"];
        }
        if (text == "core show channels")
        {
            var lines = new List<string> { "Channel                                                          Location                         State   Application(Data)" };
            foreach (var ch in engine.LiveChannels)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{ch.Name,-64} {ch.Exten + "@" + ch.Context + ":" + ch.Priority,-32} {Channels.ChannelStates.Describe(ch.State),-7} {ch.Application}({ch.ApplicationData})"));
            }
            var calls = engine.LiveChannels.Select(c => c.Linkedid).Distinct().Count();
            lines.Add($"{engine.LiveChannels.Count} active channel{(engine.LiveChannels.Count == 1 ? "" : "s")}");
            lines.Add($"{calls} active call{(calls == 1 ? "" : "s")}");
            lines.Add($"{engine.CallsStarted} call{(engine.CallsStarted == 1 ? "" : "s")} processed");
            return lines;
        }
        if (text == "module show like ari")
        {
            return ["Module                         Description                              Use Count  Status      Support Level", .. AriModules, "12 modules loaded"];
        }
        if (text == "ari show apps")
        {
            return ["Application Name         ", "=========================", .. engine.Ari.Applications];
        }
        if (words.Length >= 2 && text.StartsWith("queue show", StringComparison.Ordinal))
        {
            return QueueShow(engine, words.Length > 2 ? words[2] : null);
        }
        return null;
    }

    private static List<string> QueueShow(PbxEngine engine, string? name)
    {
        var lines = new List<string>();
        foreach (var q in engine.Queues.All.Where(q => name is null || q.Name == name))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{q.Name} has {q.Callers.Count} calls (max {(q.Definition.MaxLen == 0 ? "unlimited" : q.Definition.MaxLen.ToString(CultureInfo.InvariantCulture))}) in '{q.Definition.StrategyName}' strategy ({q.HoldTime}s holdtime, {q.TalkTime}s talktime), W:{q.Definition.Weight}, C:{q.Completed}, A:{q.Abandoned}, SL:{q.ServiceLevelPerf}%, SL2:{q.ServiceLevelPerf2}% within {q.Definition.ServiceLevel}s"));
            if (q.Members.Count == 0)
            {
                lines.Add("   No Members");
            }
            else
            {
                lines.Add("   Members: ");
                foreach (var m in q.Members)
                {
                    var paused = m.Paused ? $" (paused{(m.PausedReason.Length > 0 ? ":" + m.PausedReason : "")})" : string.Empty;
                    lines.Add($"      {m.MemberName} ({m.Interface}) ({(m.Dynamic ? "dynamic" : "static")}){paused} (Status {m.Status}) has taken {m.CallsTaken} calls");
                }
            }
            if (q.Callers.Count == 0)
            {
                lines.Add("   No Callers");
            }
            else
            {
                lines.Add("   Callers: ");
                foreach (var c in q.Callers)
                {
                    var wait = engine.Clock.Now - c.Joined;
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"      {c.Position}. {c.Caller.Name} (wait: {(int)wait.TotalMinutes}:{wait.Seconds:00}, prio: 0)"));
                }
            }
            lines.Add(string.Empty);
        }
        return lines;
    }
}
