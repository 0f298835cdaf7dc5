using System.Diagnostics;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator;

/// <summary>
/// The simulator's time. Every duration in the PBX (ring timeouts, retry and wrap-up, playback lengths,
/// talk times of scripted phones, the delay before a failed login is answered) is a timer on this clock,
/// so a test never sleeps: in <see cref="SimClockMode.Manual"/> it calls <see cref="Advance"/>, in
/// <see cref="SimClockMode.AutoAdvance"/> time jumps whenever the simulator is idle, and in
/// <see cref="SimClockMode.RealTime"/> timers fire at wall-clock time.
/// </summary>
public sealed partial class SimClock
{
    private readonly EngineGate _gate;
    private readonly PriorityQueue<SimTimer, (DateTimeOffset Due, long Sequence)> _timers = new();
    private readonly AsyncSignal _changed = new();
    private readonly long _realStart = Stopwatch.GetTimestamp();
    private long _nowTicks;
    private DateTimeOffset _realBase;
    private long _sequence;
    private int _pending;

    internal SimClock(SimClockMode mode, DateTimeOffset start, EngineGate gate)
    {
        Mode = mode;
        _gate = gate;
        _nowTicks = start.UtcTicks;
        _realBase = start;
    }

    /// <summary>How time moves.</summary>
    public SimClockMode Mode { get; }

    /// <summary>Current simulated time (UTC).</summary>
    public DateTimeOffset Now => Mode == SimClockMode.RealTime ? _realBase + Stopwatch.GetElapsedTime(_realStart) : new DateTimeOffset(Interlocked.Read(ref _nowTicks), TimeSpan.Zero);

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers => Volatile.Read(ref _pending);

    /// <summary>When the next timer is due, or null when none is pending.</summary>
    public DateTimeOffset? NextDue => _gate.Run(() => PeekLive()?.Due);

    /// <summary>
    /// Moves time forward by <paramref name="by"/>, running every timer that falls due on the way, in due
    /// order, each at its own time (a timer scheduled by a timer runs too if it falls inside the window).
    /// </summary>
    /// <exception cref="InvalidOperationException">The clock runs in real time.</exception>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        AdvanceTo(Now + by);
    }

    /// <summary>Moves time forward to <paramref name="target"/> (never backwards), running due timers in order.</summary>
    /// <exception cref="InvalidOperationException">The clock runs in real time.</exception>
    public void AdvanceTo(DateTimeOffset target)
    {
        if (Mode == SimClockMode.RealTime)
        {
            throw new InvalidOperationException("The simulator clock runs in real time; Advance is only for Manual and AutoAdvance clocks.");
        }
        while (RunNext(target))
        {
        }
        _gate.Run(() =>
        {
            if (target.UtcTicks > _nowTicks)
            {
                Interlocked.Exchange(ref _nowTicks, target.UtcTicks);
            }
        });
    }

    /// <summary>Runs every timer already due at the current time.</summary>
    public void RunDueTimers()
    {
        while (RunNext(Now))
        {
        }
    }

    internal SimTimer Schedule(TimeSpan delay, Action callback, string what)
    {
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }
        return _gate.Run(() =>
        {
            var timer = new SimTimer(this, Now + delay, ++_sequence, callback, what);
            _timers.Enqueue(timer, (timer.Due, timer.Sequence));
            Interlocked.Increment(ref _pending);
            _changed.Set();
            return timer;
        });
    }

    /// <summary>Drops every timer (restart: nothing scheduled survives the process).</summary>
    internal void CancelAll() => _gate.Run(() =>
    {
        while (_timers.TryDequeue(out var timer, out _))
        {
            timer.Cancel();
        }
    });

    /// <summary>Runs the earliest live timer if it is due at or before <paramref name="limit"/>.</summary>
    internal bool RunNext(DateTimeOffset limit) => _gate.Run(() =>
    {
        var timer = PeekLive();
        if (timer is null || timer.Due > limit)
        {
            return false;
        }
        _timers.Dequeue();
        timer.MarkFired();
        if (Mode != SimClockMode.RealTime && timer.Due.UtcTicks > _nowTicks)
        {
            Interlocked.Exchange(ref _nowTicks, timer.Due.UtcTicks);
        }
        if (Runner is { } runner)
        {
            runner(timer.Callback);
        }
        else
        {
            timer.Callback();
        }
        return true;
    });

    private SimTimer? PeekLive()
    {
        while (_timers.TryPeek(out var timer, out _))
        {
            if (!timer.IsCancelled)
            {
                return timer;
            }
            _timers.Dequeue();
        }
        return null;
    }

    /// <summary>Wraps timer callbacks (the engine settles device states and deferred work after each).</summary>
    internal Action<Action>? Runner { get; set; }

    internal void OnTimerGone() => Interlocked.Decrement(ref _pending);

    /// <summary>Moves the real-time base (a restart keeps the wall clock; only virtual clocks jump).</summary>
    internal void ResetRealBase(DateTimeOffset start)
    {
        _realBase = start;
    }
}
