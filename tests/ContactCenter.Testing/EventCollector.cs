using System.Collections.Concurrent;
using ContactCenter.Contracts;
using MassTransit;
using NUnit.Framework;

namespace ContactCenter.Testing;

/// <summary>Every event a test bus received, in arrival order, with a way to wait for a condition.</summary>
public sealed class EventCollector
{
    private readonly ConcurrentQueue<IContactCenterEvent> _events = new();
    private readonly SemaphoreSlim _arrived = new(0, int.MaxValue);

    public IReadOnlyList<IContactCenterEvent> All => _events.ToList();

    public IReadOnlyList<T> Of<T>() => _events.OfType<T>().ToList();

    public void Add(IContactCenterEvent e)
    {
        _events.Enqueue(e);
        _arrived.Release();
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the received events; fails the test after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<IContactCenterEvent>, bool> condition, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition(All))
        {
            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; received {_events.Count} events: " +
                            string.Join(", ", All.TakeLast(20).Select(e => e.GetType().Name)));
            }
        }
    }
}

/// <summary>Hands every received event of type <typeparamref name="T"/> to the collector.</summary>
public sealed class Collect<T>(EventCollector collector) : IConsumer<T> where T : class, IContactCenterEvent
{
    public Task Consume(ConsumeContext<T> context)
    {
        collector.Add(context.Message);
        return Task.CompletedTask;
    }
}
