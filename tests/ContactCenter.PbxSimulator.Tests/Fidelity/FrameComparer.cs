using System.Text;
using ContactCenter.Asterisk.Ami;

namespace ContactCenter.PbxSimulator.Tests.Fidelity;

/// <summary>
/// Compares what a client received from the simulator with what it received from the real Asterisk:
/// the same frames in the same order, each with the same field names in the same order and the same
/// values. Ids may differ but their relations may not: a uniqueid, channel name or bridge id of the
/// simulator must always stand for the same one of the trace (a bijection). Values that are random or
/// measured by the wall clock of the lab (RTP statistics, SIP call ids, a ping's timestamp) are not
/// compared; milliseconds are compared within a tolerance.
/// </summary>
internal sealed class FrameComparer
{
    private static readonly HashSet<string> RandomVariables = new(StringComparer.Ordinal)
    {
        "RTPAUDIOQOS", "RTPAUDIOQOSJITTER", "RTPAUDIOQOSLOSS", "RTPAUDIOQOSRTT", "RTPAUDIOQOSMES",
        "RTPAUDIOQOSBRIDGED", "RTPAUDIOQOSJITTERBRIDGED", "RTPAUDIOQOSLOSSBRIDGED", "RTPAUDIOQOSRTTBRIDGED", "RTPAUDIOQOSMESBRIDGED",
        "BRIDGEPVTCALLID",
    };

    /// <summary>The id renaming built while comparing (shared with the ARI comparison of the same scenario).</summary>
    public IdMapping Ids { get; init; } = new();

    /// <summary>Fields not compared in one frame of the expected list (a race in Asterisk decided their value).</summary>
    public Dictionary<AmiFrame, string[]> Unordered { get; } = [];

    /// <summary>Differences found, each naming the frame index and field; empty when the streams match.</summary>
    public List<string> Compare(IReadOnlyList<AmiFrame> expected, IReadOnlyList<AmiFrame> actual)
    {
        var problems = new List<string>();
        var expectedNames = expected.Select(AmiFrames.Name).ToList();
        var actualNames = actual.Select(AmiFrames.Name).ToList();
        if (!expectedNames.SequenceEqual(actualNames))
        {
            problems.Add("frame sequence differs:\n" + SideBySide(expectedNames, actualNames));
            return problems;
        }
        for (var i = 0; i < expected.Count; i++)
        {
            CompareFrame(i, expected[i], actual[i], problems);
        }
        return problems;
    }

    private void CompareFrame(int index, AmiFrame expected, AmiFrame actual, List<string> problems)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        var where = $"frame {index} ({AmiFrames.Name(expected)})";
        if (!e.Select(kv => kv.Key).SequenceEqual(a.Select(kv => kv.Key)))
        {
            problems.Add($"{where}: fields differ\n  trace:     {string.Join(", ", e.Select(kv => kv.Key))}\n  simulator: {string.Join(", ", a.Select(kv => kv.Key))}");
            return;
        }
        var variable = expected.Get("Variable");
        var skip = Unordered.GetValueOrDefault(expected) ?? [];
        for (var i = 0; i < e.Count; i++)
        {
            var key = e[i].Key;
            if (skip.Contains(key))
            {
                continue;
            }
            var (ev, av) = (e[i].Value, a[i].Value);
            if (key == "Timestamp" || key is "EventTV" or "SessionTV" or "SessionID" or "MixMonitorID" or "Challenge")
            {
                continue;
            }
            if (key == "Value" && variable is not null && RandomVariables.Contains(variable))
            {
                continue;
            }
            if ((key.EndsWith("_MS", StringComparison.Ordinal) || (key == "Value" && variable?.EndsWith("_MS", StringComparison.Ordinal) == true))
                && long.TryParse(ev, out var em) && long.TryParse(av, out var am))
            {
                if (Math.Abs(em - am) > 50)
                {
                    problems.Add($"{where}: {key}{(variable is null ? "" : $" ({variable})")} is {av}, trace has {ev} (±50 ms)");
                }
                continue;
            }
            if (!SameWithIds(ev, av))
            {
                problems.Add($"{where}: {key}{(key == "Value" && variable is not null ? $" of {variable}" : "")} is '{av}', trace has '{ev}'");
            }
        }
    }

    private bool SameWithIds(string expected, string actual) => Ids.SameWithIds(expected, actual);

    private static string SideBySide(List<string> expected, List<string> actual)
    {
        var sb = new StringBuilder();
        var n = Math.Max(expected.Count, actual.Count);
        var firstDiff = Enumerable.Range(0, n).First(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i]);
        for (var i = Math.Max(0, firstDiff - 3); i < Math.Min(n, firstDiff + 12); i++)
        {
            var e = i < expected.Count ? expected[i] : "";
            var a = i < actual.Count ? actual[i] : "";
            sb.Append(e == a ? "   " : ">> ").Append(i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).Append(' ')
                .Append(e.PadRight(34)).Append(" | ").AppendLine(a);
        }
        return sb.Append($"(trace {expected.Count} frames, simulator {actual.Count})").ToString();
    }
}
