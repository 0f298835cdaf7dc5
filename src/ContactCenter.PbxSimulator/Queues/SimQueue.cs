using System.Globalization;

namespace ContactCenter.PbxSimulator.Queues;

/// <summary>A queue at run time: its members, its waiting callers in order, and app_queue's statistics.</summary>
internal sealed class SimQueue(QueueDefinition definition)
{
    public QueueDefinition Definition { get; } = definition;

    public string Name => Definition.Name;

    public List<QueueMember> Members { get; } = [];

    /// <summary>Callers waiting (not yet connected), position 1 first.</summary>
    public List<QueueCall> Callers { get; } = [];

    /// <summary>Average hold time in seconds (app_queue's running average).</summary>
    public int HoldTime { get; set; }

    public int TalkTime { get; set; }

    public int Completed { get; set; }

    public int Abandoned { get; set; }

    public int CompletedInServiceLevel { get; set; }

    public int AbandonedInServiceLevel { get; set; }

    /// <summary>rrmemory: index of the member rung last.</summary>
    public int RoundRobinPosition { get; set; } = -1;

    public QueueMember? Member(string iface) =>
        Members.Find(m => string.Equals(m.Interface, iface, StringComparison.OrdinalIgnoreCase));

    /// <summary>Percentage of completed calls answered within the service level, as <c>%.1f</c>.</summary>
    public string ServiceLevelPerf =>
        (Completed > 0 ? 100.0 * CompletedInServiceLevel / Completed : 0.0).ToString("0.0", CultureInfo.InvariantCulture);

    public string ServiceLevelPerf2 =>
        (Completed + Abandoned > 0 ? 100.0 * (CompletedInServiceLevel + AbandonedInServiceLevel) / (Completed + Abandoned) : 0.0).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>app_queue's running average: the first sample counts fully, later ones a quarter.</summary>
    public static int Average(int previous, long sample) =>
        previous == 0 ? (int)sample : (int)((previous * 3L + sample) / 4);

    public void ResetStatistics()
    {
        HoldTime = TalkTime = Completed = Abandoned = CompletedInServiceLevel = AbandonedInServiceLevel = 0;
        RoundRobinPosition = -1;
    }
}
