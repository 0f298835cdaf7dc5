using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ari;
using ContactCenter.Connector.Calls;
using ContactCenter.Connector.Commands;
using ContactCenter.Connector.Configuration;
using ContactCenter.Connector.FeatureCodes;
using ContactCenter.Connector.Queues;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Connector.Servers;

/// <summary>
/// Everything the connector holds for one Asterisk server: its AMI client, its ARI client and event
/// stream when configured, the trackers fed by its event pump, and the commands in flight.
/// </summary>
internal sealed class AsteriskServer : IAsyncDisposable
{
    private long _resyncs;

    public AsteriskServer(AsteriskServerOptions options, ConnectorOptions connector, ILoggerFactory loggers, TimeProvider time)
    {
        Name = options.Name;
        Ami = new AmiClient(options.Ami, loggers.CreateLogger<AmiClient>(), time);
        if (options.Ari is { } ari)
        {
            Ari = new AriClient(ari, loggers.CreateLogger<AriClient>());
            AriEvents = new AriEventStream(ari, loggers.CreateLogger<AriEventStream>());
        }
        Calls = new CallTracker(Name, connector.TrunkDevices, connector.FeatureCodePrefix, time);
        Members = new QueueMemberTracker(Name, time);
        Originates = new PendingOriginates(time);
    }

    public string Name { get; }

    public AmiClient Ami { get; }

    public AriClient? Ari { get; }

    public AriEventStream? AriEvents { get; }

    /// <summary>Owned by the AMI event pump: read it only from there.</summary>
    public CallTracker Calls { get; }

    /// <summary>Owned by the AMI event pump: read it only from there.</summary>
    public QueueMemberTracker Members { get; }

    public PendingOriginates Originates { get; }

    /// <summary>Set once the ARI side is wired (the feature-code application).</summary>
    public FeatureCodeApp? FeatureCodes { get; set; }

    /// <summary>Completed resynchronisations since start.</summary>
    public long Resynchronizations => Interlocked.Read(ref _resyncs);

    public void MarkResynchronized() => Interlocked.Increment(ref _resyncs);

    public async ValueTask DisposeAsync()
    {
        await Ami.DisposeAsync();
        if (AriEvents is not null)
        {
            await AriEvents.DisposeAsync();
        }
        Ari?.Dispose();
    }
}
