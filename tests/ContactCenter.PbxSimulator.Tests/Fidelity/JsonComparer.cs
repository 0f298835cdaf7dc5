using System.Text.Json;

namespace ContactCenter.PbxSimulator.Tests.Fidelity;

/// <summary>
/// Compares ARI JSON (events, REST bodies) with the trace: the same properties in the same order, the same
/// values, ids through an <see cref="IdMapping"/>. Wall-clock values (timestamps, creation times), SIP
/// call ids and RTP statistics are not compared.
/// </summary>
internal static class JsonComparer
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "timestamp", "creationtime", "protocol_id" };

    public static void Compare(string where, string expected, string actual, IdMapping ids, List<string> problems)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var randomValue = e.RootElement.ValueKind == JsonValueKind.Object && e.RootElement.TryGetProperty("variable", out var v)
            && v.GetString()!.StartsWith("RTPAUDIOQOS", StringComparison.Ordinal);
        Element(where, e.RootElement, a.RootElement, ids, problems, randomValue);
    }

    private static void Element(string path, JsonElement e, JsonElement a, IdMapping ids, List<string> problems, bool randomValue)
    {
        if (e.ValueKind != a.ValueKind)
        {
            problems.Add($"{path}: {a.ValueKind} where the trace has {e.ValueKind}");
            return;
        }
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var eNames = e.EnumerateObject().Select(p => p.Name).ToList();
                var aNames = a.EnumerateObject().Select(p => p.Name).ToList();
                if (!eNames.SequenceEqual(aNames))
                {
                    problems.Add($"{path}: properties [{string.Join(", ", aNames)}] where the trace has [{string.Join(", ", eNames)}]");
                    return;
                }
                foreach (var name in eNames)
                {
                    if (Ignored.Contains(name) || (randomValue && name == "value"))
                    {
                        continue;
                    }
                    Element(path + "." + name, e.GetProperty(name), a.GetProperty(name), ids, problems, false);
                }
                break;
            case JsonValueKind.Array:
                var ea = e.EnumerateArray().ToList();
                var aa = a.EnumerateArray().ToList();
                if (ea.Count != aa.Count)
                {
                    problems.Add($"{path}: {aa.Count} items where the trace has {ea.Count}");
                    return;
                }
                for (var i = 0; i < ea.Count; i++)
                {
                    Element($"{path}[{i}]", ea[i], aa[i], ids, problems, false);
                }
                break;
            default:
                var ev = e.ToString();
                var av = a.ToString();
                if (!ids.SameWithIds(ev, av))
                {
                    problems.Add($"{path}: '{av}' where the trace has '{ev}'");
                }
                break;
        }
    }
}
