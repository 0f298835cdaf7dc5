using ContactCenter.Asterisk.Ami;
using ContactCenter.PbxSimulator.Tests.Fidelity;

namespace ContactCenter.PbxSimulator.Tests;

/// <summary>A raw AMI connection with small helpers for tests that speak the protocol by hand.</summary>
internal sealed class AmiTestClient : IAsyncDisposable
{
    private int _nextId;

    private AmiTestClient(RawAmiClient client) => Client = client;

    public RawAmiClient Client { get; }

    public IReadOnlyList<AmiFrame> Frames => Client.Frames;

    public static async Task<AmiTestClient> ConnectAsync(PbxSimulator sim, CancellationToken ct) =>
        new(await RawAmiClient.ConnectAsync(sim.AmiPort, ct));

    /// <summary>Logs in with the simulator's credentials and waits for the answer.</summary>
    public static async Task<AmiTestClient> LoginAsync(PbxSimulator sim, CancellationToken ct, string events = "on")
    {
        var session = await ConnectAsync(sim, ct);
        var response = await session.ActionAsync($"Action: Login\r\nUsername: {sim.Options.Username}\r\nSecret: {sim.Options.Secret}\r\nEvents: {events}\r\n", ct);
        Assert.That(response.Get("Message"), Is.EqualTo("Authentication accepted"));
        return session;
    }

    /// <summary>Sends an action (headers without ActionID and without the final blank line) and waits for its response.</summary>
    public async Task<AmiFrame> ActionAsync(string headers, CancellationToken ct)
    {
        var id = "t" + Interlocked.Increment(ref _nextId);
        await Client.SendAsync(headers + $"ActionID: {id}\r\n\r\n", ct);
        return await Client.WaitForAsync(f => f.ActionId == id && f.Kind == AmiFrameKind.Response, ct);
    }

    /// <summary>Sends an action and waits for the <c>…Complete</c> event that ends its list; returns the items.</summary>
    public async Task<List<AmiFrame>> ListAsync(string headers, CancellationToken ct)
    {
        var id = "l" + Interlocked.Increment(ref _nextId);
        await Client.SendAsync(headers + $"ActionID: {id}\r\n\r\n", ct);
        await Client.WaitForAsync(f => f.ActionId == id && f.Get("EventList") == "Complete", ct);
        return Client.Frames.Where(f => f.ActionId == id && f.Kind == AmiFrameKind.Event && f.Get("EventList") is null).ToList();
    }

    public Task<AmiFrame> WaitForEventAsync(string name, CancellationToken ct, Func<AmiFrame, bool>? match = null) =>
        Client.WaitForAsync(f => f.EventNameString == name && (match is null || match(f)), ct);

    /// <summary>Names of the events received so far, in order.</summary>
    public List<string> EventNames() => Frames.Where(f => f.Kind == AmiFrameKind.Event).Select(f => f.EventNameString!).ToList();

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
