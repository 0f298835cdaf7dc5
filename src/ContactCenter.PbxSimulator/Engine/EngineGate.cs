using System.Diagnostics;

namespace ContactCenter.PbxSimulator.Engine;

/// <summary>
/// The one lock every state change of the simulated PBX runs under: AMI actions, ARI requests, scenario
/// calls and clock timers. Work inside never awaits; it appends frames to the outbound logs and returns.
/// When the outermost <see cref="Run"/> ends, <see cref="Flushed"/> tells the socket writers (and the
/// test waiters) that something may have changed, once per operation rather than once per event.
/// </summary>
internal sealed class EngineGate
{
    private readonly Lock _lock = new();
    private int _depth;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private long _version;

    /// <summary>Raised after the outermost operation released the lock.</summary>
    public event Action? Flushed;

    /// <summary>Increments on every completed operation; lets the auto-advancing clock see activity.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>True while an operation runs (on any thread).</summary>
    public bool IsBusy => Volatile.Read(ref _depth) > 0;

    /// <summary>Real time since the last operation ended.</summary>
    public TimeSpan QuietFor => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    public void Run(Action work)
    {
        var outermost = Enter();
        try
        {
            work();
        }
        finally
        {
            Exit(outermost);
        }
    }

    public T Run<T>(Func<T> work)
    {
        var outermost = Enter();
        try
        {
            return work();
        }
        finally
        {
            Exit(outermost);
        }
    }

    private bool Enter()
    {
        _lock.Enter();
        return Interlocked.Increment(ref _depth) == 1;
    }

    private void Exit(bool outermost)
    {
        Interlocked.Decrement(ref _depth);
        _lock.Exit();
        if (outermost)
        {
            Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
            Interlocked.Increment(ref _version);
            Flushed?.Invoke();
        }
    }
}
