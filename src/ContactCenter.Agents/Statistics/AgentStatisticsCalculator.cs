using ContactCenter.Contracts.Agents;

namespace ContactCenter.Agents.Statistics;

/// <summary>
/// Per agent and day from the state history: each interval is cut at the local midnights of the center's
/// timezone (so a shift across midnight counts on both days, and DST days have 23 or 25 hours), then summed
/// by state. Calls answered are counted on the local day they were answered.
/// </summary>
internal static class AgentStatisticsCalculator
{
    public static IReadOnlyList<AgentDayStatistics> Compute(IEnumerable<StateInterval> intervals, IEnumerable<(string AgentNumber, DateTimeOffset AnsweredAt)> answered,
        TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        var days = new Dictionary<(string Agent, DateOnly Day), Accumulator>();
        Accumulator For(string agent, DateOnly day)
        {
            if (!days.TryGetValue((agent, day), out var accumulator))
            {
                days[(agent, day)] = accumulator = new Accumulator();
            }
            return accumulator;
        }

        foreach (var interval in intervals.Where(i => i.End > i.Start))
        {
            foreach (var (day, length) in SplitByLocalDay(interval.Start, interval.End, zone))
            {
                if (day >= from && day <= to)
                {
                    For(interval.AgentNumber, day).Add(interval.State, interval.PauseCode, length);
                }
            }
        }
        foreach (var (agent, at) in answered)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
            if (day >= from && day <= to)
            {
                For(agent, day).Calls++;
            }
        }
        return days.OrderBy(d => d.Key.Agent, StringComparer.Ordinal).ThenBy(d => d.Key.Day)
            .Select(d => d.Value.ToStatistics(d.Key.Agent, d.Key.Day)).ToList();
    }

    /// <summary>The parts of [start, end) falling on each local day.</summary>
    internal static IEnumerable<(DateOnly Day, TimeSpan Length)> SplitByLocalDay(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var cursor = start;
        while (cursor < end)
        {
            var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(cursor, zone).DateTime);
            var nextMidnight = StartOfLocalDay(localDay.AddDays(1), zone);
            var until = nextMidnight < end ? nextMidnight : end;
            yield return (localDay, until - cursor);
            cursor = until;
        }
    }

    /// <summary>The UTC instant a local day starts; where DST skips midnight, the first local instant that exists.</summary>
    internal static DateTimeOffset StartOfLocalDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private sealed class Accumulator
    {
        private readonly Dictionary<string, TimeSpan> _byCode = new(StringComparer.Ordinal);
        private TimeSpan _available, _ringing, _onCall, _wrapUp, _paused;

        public int Calls { get; set; }

        public void Add(string state, string? pauseCode, TimeSpan length)
        {
            switch (state)
            {
                case AgentState.Available:
                    _available += length;
                    break;
                case AgentState.Ringing:
                    _ringing += length;
                    break;
                case AgentState.OnCall:
                    _onCall += length;
                    break;
                case AgentState.WrapUp:
                    _wrapUp += length;
                    break;
                case AgentState.Paused:
                    _paused += length;
                    var code = pauseCode ?? "(none)";
                    _byCode[code] = _byCode.GetValueOrDefault(code) + length;
                    break;
            }
        }

        public AgentDayStatistics ToStatistics(string agent, DateOnly day) =>
            new(agent, day, _available + _ringing + _onCall + _wrapUp + _paused, _available, _ringing, _onCall, _wrapUp, _paused,
                new Dictionary<string, TimeSpan>(_byCode), Calls);
    }
}
