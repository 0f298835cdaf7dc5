namespace ContactCenter.PbxSimulator.Engine;

/// <summary>A scheduled piece of PBX work (ring timeout, playback end, retry…); cancelling is idempotent.</summary>
internal sealed class SimTimer
{
    private readonly SimClock _clock;
    private int _state; // 0 pending, 1 fired, 2 cancelled

    internal SimTimer(SimClock clock, DateTimeOffset due, long sequence, Action callback, string what)
    {
        _clock = clock;
        Due = due;
        Sequence = sequence;
        Callback = callback;
        What = what;
    }

    public DateTimeOffset Due { get; }

    internal long Sequence { get; }

    internal Action Callback { get; }

    /// <summary>What the timer is for, for logs and diagnostics.</summary>
    public string What { get; }

    public bool IsCancelled => Volatile.Read(ref _state) == 2;

    public bool HasFired => Volatile.Read(ref _state) == 1;

    public void Cancel()
    {
        if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
        {
            _clock.OnTimerGone();
        }
    }

    internal void MarkFired()
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) == 0)
        {
            _clock.OnTimerGone();
        }
    }
}
