namespace ContactCenter.Asterisk;

/// <summary>
/// Exponential backoff with jitter for reconnect loops: the ceiling doubles from <c>initial</c> up to
/// <c>max</c>, and each delay is drawn between half the ceiling and the ceiling, so a fleet of workers
/// that lost the same Asterisk does not reconnect in lockstep. <see cref="Reset"/> after a good session.
/// </summary>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private int _attempt;

    public ReconnectBackoff(TimeSpan initial, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        _initial = initial;
        _max = max;
    }

    /// <summary>How many delays were handed out since the last reset.</summary>
    public int Attempt => _attempt;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_attempt, 30);
        _attempt++;
        var ceilingTicks = Math.Min(_max.Ticks, _initial.Ticks * (1L << exponent));
        if (ceilingTicks <= 0)
        {
            ceilingTicks = _max.Ticks;
        }
        var jittered = ceilingTicks / 2 + (long)(Random.Shared.NextDouble() * (ceilingTicks / 2));
        return TimeSpan.FromTicks(Math.Max(jittered, 1));
    }

    public void Reset() => _attempt = 0;
}
