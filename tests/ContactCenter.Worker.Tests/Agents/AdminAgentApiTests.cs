using System.Net;
using System.Security.Cryptography;

namespace ContactCenter.Worker.Tests.Agents;

/// <summary>Agents through <c>/api/admin/agents</c> on the real host and its SQLite file.</summary>
public sealed class AdminAgentApiTests
{
    private TestWorker _worker = null!;

    [OneTimeSetUp]
    public async Task StartWorker() => _worker = await AgentsApi.StartAsync(CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopWorker() => await _worker.DisposeAsync();

    private Task<List<string>> PinHashAsync(string number, CancellationToken ct) =>
        AgentsApi.RowsAsync(_worker.DatabasePath(), $"SELECT pin_hash FROM agent WHERE agent_number = '{number}'", ct);

    [Test, CancelAfter(30_000)]
    public async Task An_agent_is_created_then_replaced_and_reads_back_as_written(CancellationToken ct)
    {
        using var created = await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/301", ct, new { name = " Eva " });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Headers.Location?.ToString(), Is.EqualTo("/api/admin/agents/301"));

        var updated = await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/301", ct, new { name = "Eva Pérez", active = false }).ExpectAsync(HttpStatusCode.OK, ct);
        var read = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/agents/301", ct).ExpectAsync(HttpStatusCode.OK, ct);
        var list = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/agents?limit=1000", ct).ExpectAsync(HttpStatusCode.OK, ct);

        Assert.That(updated.GetProperty("name").GetString(), Is.EqualTo("Eva Pérez"));
        Assert.That(read.GetProperty("number").GetString(), Is.EqualTo("301"));
        Assert.That(read.GetProperty("name").GetString(), Is.EqualTo("Eva Pérez"));
        Assert.That(read.GetProperty("active").GetBoolean(), Is.False);
        Assert.That(read.GetProperty("hasPin").GetBoolean(), Is.False);
        Assert.That(read.GetProperty("createdAt").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(list.EnumerateArray().Where(a => a.GetProperty("number").GetString() == "301").Select(a => a.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "Eva Pérez" }));
    }

    [Test, CancelAfter(30_000)]
    public async Task Agents_are_listed_by_number_a_page_at_a_time(CancellationToken ct)
    {
        foreach (var number in new[] { "402", "400", "401" })
        {
            await _worker.AdminAsync(HttpMethod.Put, $"/api/admin/agents/{number}", ct, new { name = $"Agent {number}" }).ExpectAsync(HttpStatusCode.Created, ct);
        }

        var all = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/agents?limit=1000", ct).ExpectAsync(HttpStatusCode.OK, ct);
        var numbers = all.EnumerateArray().Select(a => a.GetProperty("number").GetString()!).ToList();
        var start = numbers.IndexOf("400");
        var page = await _worker.AdminAsync(HttpMethod.Get, $"/api/admin/agents?offset={start + 1}&limit=1", ct).ExpectAsync(HttpStatusCode.OK, ct);

        Assert.That(numbers, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(numbers, Is.SupersetOf(new[] { "400", "401", "402" }));
        Assert.That(page.EnumerateArray().Select(a => a.GetProperty("number").GetString()), Is.EqualTo(new[] { "401" }));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_PIN_is_stored_as_a_PBKDF2_hash_and_never_returned(CancellationToken ct)
    {
        using var put = await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/302", ct, new { name = "Pia", pin = "4321" });
        var putBody = await put.Content.ReadAsStringAsync(ct);
        using var get = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/agents/302", ct);
        var getBody = await get.Content.ReadAsStringAsync(ct);
        var stored = (await PinHashAsync("302", ct)).Single();

        // pbkdf2-sha256$<iterations>$<salt>$<hash>: recomputing the hash from the PIN proves what it is made of.
        var parts = stored.Split('$');
        Assert.That(parts, Has.Length.EqualTo(4), stored);
        Assert.That(parts[0], Is.EqualTo("pbkdf2-sha256"));
        var recomputed = Rfc2898DeriveBytes.Pbkdf2("4321", Convert.FromBase64String(parts[2]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
            HashAlgorithmName.SHA256, Convert.FromBase64String(parts[3]).Length);
        Assert.That(Convert.ToBase64String(recomputed), Is.EqualTo(parts[3]));
        Assert.That(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(100_000));
        foreach (var body in new[] { putBody, getBody })
        {
            var json = System.Text.Json.JsonDocument.Parse(body).RootElement;
            Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "number", "name", "active", "hasPin", "createdAt" }));
            Assert.That(json.GetProperty("hasPin").GetBoolean(), Is.True);
            Assert.That(body, Does.Not.Contain("4321").And.Not.Contain(parts[3]).And.Not.Contain(parts[2]));
        }
    }

    [Test, CancelAfter(30_000)]
    public async Task A_PIN_is_kept_when_omitted_replaced_when_given_and_removed_when_empty(CancellationToken ct)
    {
        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/303", ct, new { name = "Quim", pin = "1111" }).ExpectAsync(HttpStatusCode.Created, ct);
        var first = (await PinHashAsync("303", ct)).Single();

        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/303", ct, new { name = "Quim R." }).ExpectAsync(HttpStatusCode.OK, ct);
        var kept = (await PinHashAsync("303", ct)).Single();
        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/303", ct, new { name = "Quim R.", pin = "1111" }).ExpectAsync(HttpStatusCode.OK, ct);
        var rehashed = (await PinHashAsync("303", ct)).Single();
        var removed = await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/303", ct, new { name = "Quim R.", pin = "" }).ExpectAsync(HttpStatusCode.OK, ct);

        Assert.That(kept, Is.EqualTo(first));
        Assert.That(rehashed, Is.Not.EqualTo(first), "a new salt for every PIN set");
        Assert.That(removed.GetProperty("hasPin").GetBoolean(), Is.False);
        Assert.That(await PinHashAsync("303", ct), Is.EqualTo(new[] { "NULL" }));
    }

    [Test, CancelAfter(30_000)]
    public async Task Deleting_an_agent_deactivates_it_and_keeps_its_row(CancellationToken ct)
    {
        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/304", ct, new { name = "Rui" }).ExpectAsync(HttpStatusCode.Created, ct);

        var deactivated = await _worker.AdminAsync(HttpMethod.Delete, "/api/admin/agents/304", ct).ExpectAsync(HttpStatusCode.OK, ct);
        var read = await _worker.AdminAsync(HttpMethod.Get, "/api/admin/agents/304", ct).ExpectAsync(HttpStatusCode.OK, ct);

        Assert.That(deactivated.GetProperty("active").GetBoolean(), Is.False);
        Assert.That(read.GetProperty("active").GetBoolean(), Is.False);
        Assert.That(read.GetProperty("name").GetString(), Is.EqualTo("Rui"));
    }

    [TestCase("GET", "/api/admin/agents/999", "agent")]
    [TestCase("DELETE", "/api/admin/agents/999", "agent")]
    [TestCase("GET", "/api/admin/agents/999/queues", "agent")]
    [CancelAfter(30_000)]
    public async Task An_unknown_agent_is_404_naming_it(string method, string path, string what, CancellationToken ct)
    {
        var problem = await _worker.AdminAsync(new HttpMethod(method), path, ct).ExpectAsync(HttpStatusCode.NotFound, ct);

        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo($"{what} not found"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("999"));
    }
}
