namespace ContactCenter.PbxSimulator;

/// <summary>How simulated time moves.</summary>
public enum SimClockMode
{
    /// <summary>Time stands still until a test calls <see cref="SimClock.Advance"/>; due timers then run in order.</summary>
    Manual,

    /// <summary>
    /// Virtual time that jumps to the next timer as soon as the simulator has nothing else to do (no
    /// operation running, every socket flushed, quiet for <see cref="PbxSimulatorOptions.AutoAdvanceQuietPeriod"/>).
    /// For tests that care about order, not durations.
    /// </summary>
    AutoAdvance,

    /// <summary>Wall-clock time: rings, talk time and playbacks last what they say. For the executable and demos.</summary>
    RealTime,
}
