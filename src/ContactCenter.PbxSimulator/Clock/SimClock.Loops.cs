namespace ContactCenter.PbxSimulator;

public sealed partial class SimClock
{
    private static readonly TimeSpan MaxRealTimeWait = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The background driver of the AutoAdvance and RealTime modes (Manual has none). Completes when
    /// <paramref name="ct"/> is cancelled.
    /// </summary>
    /// <param name="isQuiet">True when nothing waits to be written to a client (AutoAdvance only).</param>
    /// <param name="quietPeriod">How long the simulator must have been idle before time jumps (AutoAdvance only).</param>
    /// <param name="ct">Stops the driver.</param>
    internal Task RunAsync(Func<bool> isQuiet, TimeSpan quietPeriod, CancellationToken ct) => Mode switch
    {
        SimClockMode.AutoAdvance => AutoAdvanceAsync(isQuiet, quietPeriod, ct),
        SimClockMode.RealTime => RealTimeAsync(ct),
        _ => Task.CompletedTask,
    };

    private async Task AutoAdvanceAsync(Func<bool> isQuiet, TimeSpan quietPeriod, CancellationToken ct)
    {
        var poll = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, quietPeriod.Ticks / 4));
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (PendingTimers == 0)
                {
                    await _changed.WaitAsync(ct);
                    continue;
                }
                var quietFor = _gate.QuietFor;
                if (_gate.IsBusy || quietFor < quietPeriod || !isQuiet())
                {
                    await Task.Delay(quietFor < quietPeriod ? quietPeriod - quietFor + TimeSpan.FromMilliseconds(1) : poll, ct);
                    continue;
                }
                var next = _gate.Run(() => PeekLive()?.Due);
                if (next is { } due)
                {
                    RunNext(due);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped with the simulator.
        }
    }

    private async Task RealTimeAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var now = Now;
                while (RunNext(now))
                {
                }
                var next = _gate.Run(() => PeekLive()?.Due);
                var wait = next is { } due ? due - Now : MaxRealTimeWait;
                if (wait > TimeSpan.Zero)
                {
                    // Woken early when a sooner timer is scheduled.
                    await _changed.WaitAsync(wait < MaxRealTimeWait ? wait : MaxRealTimeWait, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped with the simulator.
        }
    }
}
