using ContactCenter.Contracts.Asterisk;
using ContactCenter.PbxSimulator;
using Pbx = ContactCenter.PbxSimulator.PbxSimulator;

namespace ContactCenter.Connector.Tests.Integration;

/// <summary>
/// Per test: a RabbitMQ virtual host, the simulator and a connector connected to it (AMI and ARI) and
/// resynchronised; torn down after the test.
/// </summary>
public abstract class SimulatedConnectorFixture
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private string _vhost = null!;
    private TempDirectory _dir = null!;

    private protected Pbx Sim { get; private set; } = null!;

    private protected ConnectorTestHost Host { get; private set; } = null!;

    /// <summary>What the connector logged during the test, when the fixture asks for it (<see cref="CaptureLogs"/>).</summary>
    private protected CapturingLoggerProvider? Logs { get; private set; }

    /// <summary>Whether to keep the connector's log (debug level and up) in <see cref="Logs"/>.</summary>
    private protected virtual bool CaptureLogs => false;

    /// <summary>How the simulator runs (its clock, its phones); the default options unless overridden.</summary>
    private protected virtual void ConfigureSimulator(PbxSimulatorOptions options)
    {
    }

    [SetUp]
    public async Task StartConnector()
    {
        _vhost = RabbitMqBroker.CreateVirtualHost();
        _dir = new TempDirectory();
        Sim = await SimulatedPbx.StartAsync(ConfigureSimulator);
        Logs = CaptureLogs ? new CapturingLoggerProvider() : null;
        Host = await ConnectorTestHost.StartAsync(_vhost, _dir.File("connector.db"), settings: SimulatedPbx.Settings(Sim), logs: Logs);
        await Host.Events.WaitUntilAsync(e => e.OfType<AsteriskResynchronized>().Any() && e.OfType<AsteriskConnected>().Any(c => c.Interface == "ari"),
            Wait, "the connector connected and resynchronised");
    }

    [TearDown]
    public async Task StopConnector()
    {
        await Host.DisposeAsync();
        await Sim.DisposeAsync();
        RabbitMqBroker.DeleteVirtualHost(_vhost);
        _dir.Dispose();
    }
}
