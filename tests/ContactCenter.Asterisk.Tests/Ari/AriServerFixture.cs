namespace ContactCenter.Asterisk.Tests.Ari;

/// <summary>One loopback ARI server per fixture, reset before each test.</summary>
public abstract class AriServerFixture
{
    private protected AriTestServer Server { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServer() => Server = await AriTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await Server.DisposeAsync();

    [SetUp]
    public void ResetServer() => Server.Reset();
}
