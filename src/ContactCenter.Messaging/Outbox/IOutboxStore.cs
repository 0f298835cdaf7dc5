namespace ContactCenter.Messaging.Outbox;

/// <summary>
/// Where events wait until the broker confirmed them: the connector's local SQLite file, or the product
/// database for consumers (written in the consumer's own transaction). <see cref="OutboxPublisher"/> drains
/// either; two stores, one publisher.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Events waiting, as far as this process knows.</summary>
    long Depth { get; }

    /// <summary>The oldest waiting events, oldest first (empty when this process may not drain now).</summary>
    Task<IReadOnlyList<OutboxRow>> ReadAsync(int max, CancellationToken ct);

    /// <summary>Deletes confirmed events.</summary>
    Task DeleteAsync(IReadOnlyCollection<long> sequences, CancellationToken ct);

    /// <summary>Waits until something may have been appended, or <paramref name="timeout"/> passed.</summary>
    Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken ct);
}
