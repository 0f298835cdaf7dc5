namespace ContactCenter.Agents.Statistics;

/// <summary>One agent's day, in the center's timezone.</summary>
public sealed record AgentDayStatistics(
    string AgentNumber,
    DateOnly Day,
    TimeSpan LoggedIn,
    TimeSpan Available,
    TimeSpan Ringing,
    TimeSpan OnCall,
    TimeSpan WrapUp,
    TimeSpan Paused,
    IReadOnlyDictionary<string, TimeSpan> PausedByCode,
    int CallsAnswered);
