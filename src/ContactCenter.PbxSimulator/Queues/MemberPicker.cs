namespace ContactCenter.PbxSimulator.Queues;

/// <summary>The strategies of app_queue: which available member(s) ring for a caller.</summary>
internal static class MemberPicker
{
    /// <summary>
    /// Members to ring now: every available member with the lowest penalty for ringall, otherwise one
    /// member chosen by the strategy. <paramref name="linearStart"/> is the caller's position for linear.
    /// One pass over the members (a queue may have hundreds in load runs).
    /// </summary>
    public static List<QueueMember> Pick(SimQueue queue, Func<QueueMember, bool> isAvailable, int linearStart, Random random)
    {
        var members = queue.Members;
        var n = members.Count;
        if (n == 0)
        {
            return [];
        }
        var eligible = new bool[n];
        var minPenalty = int.MaxValue;
        for (var i = 0; i < n; i++)
        {
            if (isAvailable(members[i]))
            {
                eligible[i] = true;
                minPenalty = Math.Min(minPenalty, members[i].Penalty);
            }
        }
        if (minPenalty == int.MaxValue)
        {
            return [];
        }
        for (var i = 0; i < n; i++)
        {
            eligible[i] &= members[i].Penalty == minPenalty;
        }
        switch (queue.Definition.Strategy)
        {
            case QueueStrategy.RrMemory:
                return FirstFrom(members, eligible, queue.RoundRobinPosition + 1);
            case QueueStrategy.Linear:
                return FirstFrom(members, eligible, linearStart);
            case QueueStrategy.LeastRecent:
                return Best(members, eligible, m => m.LastCall);
            case QueueStrategy.FewestCalls:
                return Best(members, eligible, m => m.CallsTaken);
            case QueueStrategy.Random:
                var candidates = Enumerable.Range(0, n).Where(i => eligible[i]).ToArray();
                return [members[candidates[random.Next(candidates.Length)]]];
            default:
                return Enumerable.Range(0, n).Where(i => eligible[i]).Select(i => members[i]).ToList();
        }
    }

    private static List<QueueMember> FirstFrom(List<QueueMember> members, bool[] eligible, int start)
    {
        var n = members.Count;
        for (var step = 0; step < n; step++)
        {
            var index = (((start + step) % n) + n) % n;
            if (eligible[index])
            {
                return [members[index]];
            }
        }
        return [];
    }

    /// <summary>The eligible member with the smallest key; ties go to the one added first (list order).</summary>
    private static List<QueueMember> Best(List<QueueMember> members, bool[] eligible, Func<QueueMember, long> key)
    {
        QueueMember? best = null;
        for (var i = 0; i < members.Count; i++)
        {
            if (eligible[i] && (best is null || key(members[i]) < key(best)))
            {
                best = members[i];
            }
        }
        return best is null ? [] : [best];
    }
}
