namespace ContactCenter.PbxSimulator.Engine;

/// <summary>
/// An auto-reset wake-up for one waiting loop: any number of <see cref="Set"/> calls before the waiter
/// runs collapse into one wake-up, so a burst of events costs one semaphore release, not thousands.
/// </summary>
internal sealed class AsyncSignal : IDisposable
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

    public void Dispose() => _semaphore.Dispose();
}
