namespace ContactCenter.PbxSimulator.Engine;

/// <summary>
/// An auto-reset wake-up for one waiting loop: any number of <see cref="Set"/> calls before the waiter
/// runs collapse into one wake-up, so a burst of events costs one semaphore release, not thousands.
/// Not disposable on purpose: a <see cref="SemaphoreSlim"/> whose wait handle is never asked for holds no OS
/// resource, and a <see cref="Set"/> racing with its owner's end (a fault dropping an AMI session that is closing
/// by itself) must not throw.
/// </summary>
internal sealed class AsyncSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);
    private int _set;

    public void Set()
    {
        if (Interlocked.Exchange(ref _set, 1) == 0)
        {
            _semaphore.Release();
        }
    }

    /// <summary>Waits until set (or the timeout); true when it was set.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var signalled = await _semaphore.WaitAsync(timeout, ct);
        if (signalled)
        {
            Interlocked.Exchange(ref _set, 0);
        }
        return signalled;
    }

    public Task WaitAsync(CancellationToken ct) => WaitAsync(Timeout.InfiniteTimeSpan, ct);
}
