namespace ContactCenter.PbxSimulator.Queues;

/// <summary>The strategies of app_queue: which available member(s) ring for a caller.</summary>
internal static class MemberPicker
{
    /// <summary>
    /// Members to ring now: every available member with the lowest penalty for ringall, otherwise one
    /// member chosen by the strategy. <paramref name="linearStart"/> is the caller's position for linear.
    /// </summary>
    public static List<QueueMember> Pick(SimQueue queue, IReadOnlyList<QueueMember> available, int linearStart, Random random)
    {
        if (available.Count == 0)
        {
            return [];
        }
        var minPenalty = available.Min(m => m.Penalty);
        var candidates = available.Where(m => m.Penalty == minPenalty).ToList();
        switch (queue.Definition.Strategy)
        {
            case QueueStrategy.RingAll:
                return candidates;
            case QueueStrategy.RrMemory:
            {
                var ordered = queue.Members;
                for (var step = 1; step <= ordered.Count; step++)
                {
                    var index = (queue.RoundRobinPosition + step) % ordered.Count;
                    if (candidates.Contains(ordered[index]))
                    {
                        return [ordered[index]];
                    }
                }
                return [];
            }
            case QueueStrategy.Linear:
            {
                var ordered = queue.Members;
                for (var step = 0; step < ordered.Count; step++)
                {
                    var index = (linearStart + step) % ordered.Count;
                    if (candidates.Contains(ordered[index]))
                    {
                        return [ordered[index]];
                    }
                }
                return [];
            }
            case QueueStrategy.LeastRecent:
                return [candidates.OrderBy(m => m.LastCall).ThenBy(m => m.Order).First()];
            case QueueStrategy.FewestCalls:
                return [candidates.OrderBy(m => m.CallsTaken).ThenBy(m => m.Order).First()];
            case QueueStrategy.Random:
                return [candidates[random.Next(candidates.Count)]];
            default:
                return candidates;
        }
    }
}
