using System.Net;
using System.Text.Json;

namespace ContactCenter.Worker.Tests.Agents;

/// <summary>Extensions, queues, agent↔queue links and pause codes through <c>/api/admin</c> on the real host.</summary>
public sealed class AdminDirectoryApiTests
{
    private TestWorker _worker = null!;

    [OneTimeSetUp]
    public async Task StartWorker() => _worker = await AgentsApi.StartAsync(CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopWorker() => await _worker.DisposeAsync();

    private Task<JsonElement> PutAsync(string path, object body, HttpStatusCode expected, CancellationToken ct) =>
        _worker.AdminAsync(HttpMethod.Put, path, ct, body).ExpectAsync(expected, ct);

    private static List<string?> Strings(JsonElement array, string property) => array.EnumerateArray().Select(e => e.GetProperty(property).GetString()).ToList();

    [Test, CancelAfter(30_000)]
    public async Task An_extension_is_created_replaced_listed_and_deleted_by_its_interface(CancellationToken ct)
    {
        var created = await PutAsync("/api/admin/extensions", new { @interface = "PJSIP/7001", server = "ext-a", description = "Desk 1" }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/extensions", new { @interface = "PJSIP/7001", server = "ext-b", description = "Desk 1, moved" }, HttpStatusCode.OK, ct);
        await PutAsync("/api/admin/extensions", new { @interface = "PJSIP/7002", server = "ext-a" }, HttpStatusCode.Created, ct);
        var serverB = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/extensions?server=ext-b", ct).ExpectAsync(HttpStatusCode.OK, ct);
        var serverA = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/extensions?server=ext-a", ct).ExpectAsync(HttpStatusCode.OK, ct);

        await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/extensions?interface=PJSIP%2F7001", ct).ExpectAsync(HttpStatusCode.NoContent, ct);
        var again = await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/extensions?interface=PJSIP/7001", ct).ExpectAsync(HttpStatusCode.NotFound, ct);
        var after = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/extensions", ct).ExpectAsync(HttpStatusCode.OK, ct);

        Assert.That(created.GetProperty("interface").GetString(), Is.EqualTo("PJSIP/7001"));
        Assert.That(serverB.EnumerateArray().Select(e => (e.GetProperty("interface").GetString(), e.GetProperty("description").GetString())),
            Is.EqualTo(new[] { ("PJSIP/7001", "Desk 1, moved") }));
        Assert.That(serverA.EnumerateArray().Select(e => (e.GetProperty("interface").GetString(), e.GetProperty("description").GetString())),
            Is.EqualTo(new[] { ("PJSIP/7002", string.Empty) }));
        Assert.That(again.GetProperty("title").GetString(), Is.EqualTo("extension not found"));
        Assert.That(Strings(after, "interface"), Does.Not.Contain("PJSIP/7001").And.Contain("PJSIP/7002"));
    }

    [Test, CancelAfter(30_000)]
    public async Task An_extension_an_agent_is_logged_in_at_cannot_be_deleted(CancellationToken ct)
    {
        await PutAsync("/api/admin/extensions", new { @interface = "PJSIP/7010", server = "lab" }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/agents/510", new { name = "Sara" }, HttpStatusCode.Created, ct);
        await _worker.ExecuteAsync("""
            INSERT INTO agent_status (agent_number, server, interface, state, state_since, device_status) VALUES ('510', 'lab', 'PJSIP/7010', 'available', @Now, 1)
            """, ct, ("@Now", DateTime.UtcNow));

        var refused = await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/extensions?interface=PJSIP/7010", ct).ExpectAsync(HttpStatusCode.Conflict, ct);
        var still = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/extensions?server=lab", ct).ExpectAsync(HttpStatusCode.OK, ct);

        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("510"));
        Assert.That(Strings(still, "interface"), Does.Contain("PJSIP/7010"));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_queue_is_created_replaced_read_listed_and_deleted(CancellationToken ct)
    {
        var created = await PutAsync("/api/admin/queues/lab/billing", new { wrapupSeconds = 15 }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/queues/lab/billing", new { displayName = "Billing", wrapupSeconds = 20 }, HttpStatusCode.OK, ct);
        var read = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/queues/lab/billing", ct).ExpectAsync(HttpStatusCode.OK, ct);
        var list = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/queues?server=lab", ct).ExpectAsync(HttpStatusCode.OK, ct);

        await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/queues/lab/billing", ct).ExpectAsync(HttpStatusCode.NoContent, ct);
        await _worker.AdminAsync(HttpMethod.Get, "/api/admin/queues/lab/billing", ct).ExpectAsync(HttpStatusCode.NotFound, ct);
        await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/queues/lab/billing", ct).ExpectAsync(HttpStatusCode.NotFound, ct);

        Assert.That(created.GetProperty("displayName").GetString(), Is.EqualTo("billing"), "the display name defaults to the queue's name");
        Assert.That((read.GetProperty("server").GetString(), read.GetProperty("name").GetString(), read.GetProperty("displayName").GetString(),
            read.GetProperty("wrapupSeconds").GetInt32()), Is.EqualTo(("lab", "billing", "Billing", 20)));
        Assert.That(Strings(list, "name"), Does.Contain("billing"));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_queue_agents_are_linked_to_cannot_be_deleted_until_they_are_unlinked(CancellationToken ct)
    {
        await PutAsync("/api/admin/queues/lab/vip", new { wrapupSeconds = 30 }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/agents/520", new { name = "Tina" }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/agents/520/queues/lab/vip", new { penalty = 2 }, HttpStatusCode.Created, ct);

        var refused = await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/queues/lab/vip", ct).ExpectAsync(HttpStatusCode.Conflict, ct);
        await _worker.AdminAsync(HttpMethod.Get, "/api/admin/queues/lab/vip", ct).ExpectAsync(HttpStatusCode.OK, ct);
        await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/agents/520/queues/lab/vip", ct).ExpectAsync(HttpStatusCode.NoContent, ct);
        await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/queues/lab/vip", ct).ExpectAsync(HttpStatusCode.NoContent, ct);

        Assert.That(refused.GetProperty("title").GetString(), Is.EqualTo("In use"));
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("520"));
    }

    [Test, CancelAfter(30_000)]
    public async Task An_agent_is_linked_to_queues_with_penalties_relinked_and_unlinked(CancellationToken ct)
    {
        await PutAsync("/api/admin/agents/530", new { name = "Ugo" }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/queues/lab/one", new { wrapupSeconds = 0 }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/queues/lab/two", new { wrapupSeconds = 0 }, HttpStatusCode.Created, ct);

        var link = await PutAsync("/api/admin/agents/530/queues/lab/two", new { penalty = 5 }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/agents/530/queues/lab/one", new { }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/agents/530/queues/lab/two", new { penalty = 1000 }, HttpStatusCode.OK, ct);
        var links = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/agents/530/queues", ct).ExpectAsync(HttpStatusCode.OK, ct);
        await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/agents/530/queues/lab/one", ct).ExpectAsync(HttpStatusCode.NoContent, ct);
        await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/agents/530/queues/lab/one", ct).ExpectAsync(HttpStatusCode.NotFound, ct);
        var after = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/agents/530/queues", ct).ExpectAsync(HttpStatusCode.OK, ct);

        Assert.That((link.GetProperty("agentNumber").GetString(), link.GetProperty("queue").GetString(), link.GetProperty("penalty").GetInt32()), Is.EqualTo(("530", "two", 5)));
        Assert.That(links.EnumerateArray().Select(l => (l.GetProperty("server").GetString(), l.GetProperty("queue").GetString(), l.GetProperty("penalty").GetInt32())),
            Is.EqualTo(new[] { ("lab", "one", 0), ("lab", "two", 1000) }));
        Assert.That(Strings(after, "queue"), Is.EqualTo(new[] { "two" }));
    }

    [Test, CancelAfter(30_000)]
    public async Task Linking_needs_a_known_agent_and_a_known_queue(CancellationToken ct)
    {
        await PutAsync("/api/admin/agents/540", new { name = "Vera" }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/queues/lab/known", new { wrapupSeconds = 0 }, HttpStatusCode.Created, ct);

        var noAgent = await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/541/queues/lab/known", ct, new { }).ExpectAsync(HttpStatusCode.NotFound, ct);
        var noQueue = await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/540/queues/lab/unknown", ct, new { }).ExpectAsync(HttpStatusCode.NotFound, ct);
        var otherServer = await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/540/queues/lab2/known", ct, new { }).ExpectAsync(HttpStatusCode.NotFound, ct);

        Assert.That(noAgent.GetProperty("title").GetString(), Is.EqualTo("agent not found"));
        Assert.That(noQueue.GetProperty("title").GetString(), Is.EqualTo("queue not found"));
        Assert.That(otherServer.GetProperty("detail").GetString(), Does.Contain("lab2/known"));
        Assert.That(await AgentsApi.RowsAsync(_worker.DatabasePath(), "SELECT queue FROM agent_queue WHERE agent_number IN ('540', '541')", ct), Is.Empty);
    }

    [Test, CancelAfter(30_000)]
    public async Task A_link_the_agent_is_logged_in_to_cannot_be_deleted(CancellationToken ct)
    {
        await PutAsync("/api/admin/agents/550", new { name = "Wim" }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/queues/lab/live", new { wrapupSeconds = 0 }, HttpStatusCode.Created, ct);
        await PutAsync("/api/admin/agents/550/queues/lab/live", new { }, HttpStatusCode.Created, ct);
        await _worker.ExecuteAsync("""
            INSERT INTO agent_membership (agent_number, server, queue, interface, paused, since) VALUES ('550', 'lab', 'live', 'PJSIP/7050', 0, @Now)
            """, ct, ("@Now", DateTime.UtcNow));

        var refused = await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/agents/550/queues/lab/live", ct).ExpectAsync(HttpStatusCode.Conflict, ct);
        var queue = await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/queues/lab/live", ct).ExpectAsync(HttpStatusCode.Conflict, ct);
        var links = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/agents/550/queues", ct).ExpectAsync(HttpStatusCode.OK, ct);

        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("logged in"));
        Assert.That(queue.GetProperty("detail").GetString(), Does.Contain("550"));
        Assert.That(Strings(links, "queue"), Is.EqualTo(new[] { "live" }));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_pause_code_is_created_replaced_listed_and_deactivated(CancellationToken ct)
    {
        await PutAsync("/api/admin/pause-codes/77", new { name = "Coaching", productive = true }, HttpStatusCode.Created, ct);
        var replaced = await PutAsync("/api/admin/pause-codes/77", new { name = "1:1 coaching", productive = false }, HttpStatusCode.OK, ct);
        var deactivated = await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/pause-codes/77", ct).ExpectAsync(HttpStatusCode.OK, ct);
        var list = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/pause-codes", ct).ExpectAsync(HttpStatusCode.OK, ct);
        var unknown = await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/pause-codes/7777", ct).ExpectAsync(HttpStatusCode.NotFound, ct);

        Assert.That((replaced.GetProperty("name").GetString(), replaced.GetProperty("productive").GetBoolean(), replaced.GetProperty("active").GetBoolean()),
            Is.EqualTo(("1:1 coaching", false, true)));
        Assert.That(deactivated.GetProperty("active").GetBoolean(), Is.False);
        Assert.That(list.EnumerateArray().Where(p => p.GetProperty("code").GetString() == "77")
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("active").GetBoolean())), Is.EqualTo(new[] { ("1:1 coaching", false) }));
        Assert.That(unknown.GetProperty("title").GetString(), Is.EqualTo("pause code not found"));
    }
}
