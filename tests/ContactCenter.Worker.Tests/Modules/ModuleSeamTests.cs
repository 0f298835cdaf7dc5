using System.Net;
using MassTransit;

namespace ContactCenter.Worker.Tests.Modules;

public sealed class ModuleSeamTests
{
    private TestWorker _worker = null!;

    [OneTimeSetUp]
    public async Task StartWorker() => _worker = await TestWorker.StartAsync(CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopWorker() => await _worker.DisposeAsync();

    private IBus Bus => _worker.App.Services.GetRequiredService<IBus>();

    [Test, CancelAfter(30_000)]
    public async Task A_module_consumer_receives_on_the_queue_the_module_named(CancellationToken ct)
    {
        var id = Guid.NewGuid();

        await Bus.Publish(new Ping(id), ct);

        var (attempts, queue) = await _worker.Pings.WaitAsync(id, ct);
        Assert.That(attempts, Is.EqualTo(1));
        Assert.That(queue!.AbsolutePath, Does.EndWith("/" + PingModule.Queue));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_failing_consumer_is_retried_by_the_bus_policy_on_a_module_named_queue(CancellationToken ct)
    {
        var id = Guid.NewGuid();

        await Bus.Publish(new Ping(id, FailuresBeforeSuccess: 2), ct);

        var (attempts, _) = await _worker.Pings.WaitAsync(id, ct);
        Assert.That(attempts, Is.EqualTo(3), "Bus:Retry:Limit=2: the first try and two retries");
    }

    [Test, CancelAfter(30_000)]
    public async Task A_consumer_that_keeps_failing_faults_the_message_after_the_retries_instead_of_acknowledging_it(CancellationToken ct)
    {
        var id = Guid.NewGuid();

        await Bus.Publish(new Doomed(id), ct);

        var (_, faultQueue) = await _worker.Pings.WaitAsync(id, ct);
        Assert.That(_worker.Pings.Attempts(id), Is.EqualTo(3));
        Assert.That(faultQueue, Is.Not.Null, "the Fault<Doomed> was published and consumed");
    }

    [Test, CancelAfter(30_000)]
    public async Task A_module_HTTP_endpoint_publishes_to_the_bus(CancellationToken ct)
    {
        using var response = await _worker.SendAsync(HttpMethod.Post, "/ping/admin/publish", TestKeys.Admin, ct, """{"text":"hello"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test, CancelAfter(60_000)]
    public async Task A_module_whose_role_is_off_is_not_loaded(CancellationToken ct)
    {
        await using var worker = await TestWorker.StartAsync(ct, new Dictionary<string, string?> { ["Roles"] = "api,agents" });

        using var response = await worker.SendAsync(HttpMethod.Get, "/ping", TestKeys.Admin, ct);
        using var ready = await worker.SendAsync(HttpMethod.Get, "/health/ready", null, ct);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ready.Content.ReadAsStringAsync(ct), Does.Not.Contain("\"ping\""));
        Assert.That(worker.App.Services.GetService<PingLog>(), Is.Null);
    }

    [Test, CancelAfter(60_000)]
    public async Task Without_the_api_role_only_health_is_served_and_module_consumers_still_run(CancellationToken ct)
    {
        await using var worker = await TestWorker.StartAsync(ct, new Dictionary<string, string?> { ["Roles"] = "calls" });
        var id = Guid.NewGuid();

        await worker.App.Services.GetRequiredService<IBus>().Publish(new Ping(id), ct);
        await worker.Pings.WaitAsync(id, ct);
        using var ping = await worker.SendAsync(HttpMethod.Get, "/ping", TestKeys.Admin, ct);
        using var openApi = await worker.SendAsync(HttpMethod.Get, "/openapi/v1.json", null, ct);
        using var ready = await worker.SendAsync(HttpMethod.Get, "/health/ready", null, ct);

        Assert.That(ping.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(openApi.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
