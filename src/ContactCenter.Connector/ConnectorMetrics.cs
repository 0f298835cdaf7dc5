using ContactCenter.Connector.Outbox;

namespace ContactCenter.Connector;

/// <summary>Counters of the connector, read by health checks, logs and the benchmark.</summary>
public sealed class ConnectorMetrics
{
    private long _amiEvents;
    private long _domainEvents;
    private long _published;

    /// <summary>AMI events handled by the event pumps (all servers).</summary>
    public long AmiEvents => Interlocked.Read(ref _amiEvents);

    /// <summary>Domain events appended to the outbox.</summary>
    public long DomainEvents => Interlocked.Read(ref _domainEvents);

    /// <summary>Domain events confirmed by the broker.</summary>
    public long PublishedEvents => Interlocked.Read(ref _published);

    /// <summary>From the AMI frame arriving to the broker confirming the event it caused.</summary>
    public LatencyHistogram FrameToConfirm { get; } = new();

    internal void AmiEventsHandled(int count) => Interlocked.Add(ref _amiEvents, count);

    internal void DomainEventsAppended(int count) => Interlocked.Add(ref _domainEvents, count);

    internal void Published(long receivedTimestamp)
    {
        Interlocked.Increment(ref _published);
        FrameToConfirm.RecordSince(receivedTimestamp);
    }
}
