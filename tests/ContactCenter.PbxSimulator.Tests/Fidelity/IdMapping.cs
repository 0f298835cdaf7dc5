using System.Text.RegularExpressions;

namespace ContactCenter.PbxSimulator.Tests.Fidelity;

/// <summary>
/// A consistent renaming of ids between the trace and the simulator: uniqueids (<c>1795289013.0</c>),
/// channel names (<c>PJSIP/6001-00000000</c>) and UUIDs. The first sight of a simulator id fixes which
/// trace id it stands for; a later contradiction (in either direction) is a mismatch.
/// </summary>
internal sealed partial class IdMapping
{
    private readonly Dictionary<string, string> _simToTrace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _traceToSim = new(StringComparer.Ordinal);

    public bool SameWithIds(string expected, string actual)
    {
        var et = IdRegex().Split(expected);
        var at = IdRegex().Split(actual);
        var eIds = IdRegex().Matches(expected).Select(m => m.Value).ToList();
        var aIds = IdRegex().Matches(actual).Select(m => m.Value).ToList();
        if (et.Length != at.Length || eIds.Count != aIds.Count || !et.SequenceEqual(at))
        {
            return false;
        }
        for (var i = 0; i < eIds.Count; i++)
        {
            if (_simToTrace.TryGetValue(aIds[i], out var mapped))
            {
                if (mapped != eIds[i])
                {
                    return false;
                }
            }
            else if (_traceToSim.ContainsKey(eIds[i]))
            {
                return false;
            }
            else
            {
                _simToTrace[aIds[i]] = eIds[i];
                _traceToSim[eIds[i]] = aIds[i];
            }
        }
        return true;
    }

    /// <summary>The simulator's id for a trace id seen before, or the id itself.</summary>
    public string ToSimulator(string traceText) => IdRegex().Replace(traceText, m => _traceToSim.GetValueOrDefault(m.Value, m.Value));

    [GeneratedRegex(@"\d{10}\.\d+|PJSIP/[^\s,-]+-[0-9a-f]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex IdRegex();
}
