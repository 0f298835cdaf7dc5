using System.Net;

namespace ContactCenter.Worker.Tests.Agents;

/// <summary>Every validation rule of the admin and statistics APIs: 400 naming exactly the field that is wrong, and nothing written.</summary>
public sealed class AdminValidationApiTests
{
    private TestWorker _worker = null!;

    [OneTimeSetUp]
    public async Task StartWorker()
    {
        _worker = await AgentsApi.StartAsync(CancellationToken.None);
        // Known rows, so each case below is wrong in one field only.
        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/210", CancellationToken.None, new { name = "Ana" }).ExpectAsync(HttpStatusCode.Created, CancellationToken.None);
        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/queues/demo/support", CancellationToken.None, new { wrapupSeconds = 5 })
            .ExpectAsync(HttpStatusCode.Created, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopWorker() => await _worker.DisposeAsync();

    [TestCase("PUT", "/api/admin/agents/12a", """{"name":"X"}""", "number", TestName = "Agent number with a letter")]
    [TestCase("PUT", "/api/admin/agents/12345678901", """{"name":"X"}""", "number", TestName = "Agent number of 11 digits")]
    [TestCase("GET", "/api/admin/agents/-1", null, "number", TestName = "Agent number read with a sign")]
    [TestCase("PUT", "/api/admin/agents/300", "{}", "name", TestName = "Agent without a name")]
    [TestCase("PUT", "/api/admin/agents/300", """{"name":"   "}""", "name", TestName = "Agent with a blank name")]
    [TestCase("PUT", "/api/admin/agents/300", null, "name", TestName = "Agent without a body")]
    [TestCase("PUT", "/api/admin/agents/300", """{"name":"X","pin":"123"}""", "pin", TestName = "PIN of 3 digits")]
    [TestCase("PUT", "/api/admin/agents/300", """{"name":"X","pin":"12ab"}""", "pin", TestName = "PIN with letters")]
    [TestCase("PUT", "/api/admin/agents/300", """{"name":"X","pin":"12345678901"}""", "pin", TestName = "PIN of 11 digits")]
    [TestCase("GET", "/api/admin/agents?limit=0", null, "limit", TestName = "Page of 0 agents")]
    [TestCase("GET", "/api/admin/agents?limit=1001", null, "limit", TestName = "Page of 1001 agents")]
    [TestCase("GET", "/api/admin/agents?offset=-1", null, "offset", TestName = "Negative page offset")]
    [TestCase("PUT", "/api/admin/extensions", """{"interface":"6001","server":"demo"}""", "interface", TestName = "Interface without technology")]
    [TestCase("PUT", "/api/admin/extensions", """{"interface":"PJSIP/","server":"demo"}""", "interface", TestName = "Interface without resource")]
    [TestCase("PUT", "/api/admin/extensions", """{"interface":"PJSIP/60 01","server":"demo"}""", "interface", TestName = "Interface with a space")]
    [TestCase("PUT", "/api/admin/extensions", """{"server":"demo"}""", "interface", TestName = "Extension without interface")]
    [TestCase("PUT", "/api/admin/extensions", """{"interface":"PJSIP/6001"}""", "server", TestName = "Extension without server")]
    [TestCase("PUT", "/api/admin/extensions", """{"interface":"PJSIP/6001","server":"de mo"}""", "server", TestName = "Server name with a space")]
    [TestCase("GET", "/api/admin/extensions?server=a%2Fb", null, "server", TestName = "Extensions of a server name with a slash")]
    [TestCase("DELETE", "/api/admin/extensions", null, "interface", TestName = "Extension delete without interface")]
    [TestCase("PUT", "/api/admin/queues/demo/billing", "{}", "wrapupSeconds", TestName = "Queue without wrap-up")]
    [TestCase("PUT", "/api/admin/queues/demo/billing", """{"wrapupSeconds":3601}""", "wrapupSeconds", TestName = "Wrap-up over an hour")]
    [TestCase("PUT", "/api/admin/queues/demo/billing", """{"wrapupSeconds":-1}""", "wrapupSeconds", TestName = "Negative wrap-up")]
    [TestCase("PUT", "/api/admin/queues/demo/billing", """{"displayName":" ","wrapupSeconds":5}""", "displayName", TestName = "Blank queue display name")]
    [TestCase("PUT", "/api/admin/queues/demo/bil%20ling", """{"wrapupSeconds":5}""", "queue", TestName = "Queue name with a space")]
    [TestCase("PUT", "/api/admin/queues/de%20mo/billing", """{"wrapupSeconds":5}""", "server", TestName = "Queue server with a space")]
    [TestCase("PUT", "/api/admin/agents/210/queues/demo/support", """{"penalty":1001}""", "penalty", TestName = "Penalty over 1000")]
    [TestCase("PUT", "/api/admin/agents/210/queues/demo/support", """{"penalty":-1}""", "penalty", TestName = "Negative penalty")]
    [TestCase("PUT", "/api/admin/agents/21x/queues/demo/support", "{}", "number", TestName = "Link of a malformed agent number")]
    [TestCase("PUT", "/api/admin/pause-codes/12345", """{"name":"X","productive":true}""", "code", TestName = "Pause code of 5 digits")]
    [TestCase("PUT", "/api/admin/pause-codes/1a", """{"name":"X","productive":true}""", "code", TestName = "Pause code with a letter")]
    [TestCase("PUT", "/api/admin/pause-codes/7", """{"name":"X"}""", "productive", TestName = "Pause code without productive")]
    [TestCase("PUT", "/api/admin/pause-codes/7", """{"productive":true}""", "name", TestName = "Pause code without name")]
    [TestCase("DELETE", "/api/admin/pause-codes/x", null, "code", TestName = "Pause code deactivated by a malformed code")]
    [TestCase("GET", "/api/agents/210/statistics?to=2026-11-01", null, "from", TestName = "Statistics without from")]
    [TestCase("GET", "/api/agents/210/statistics?from=2026-11-01", null, "to", TestName = "Statistics without to")]
    [TestCase("GET", "/api/agents/210/statistics?from=2026-11-02&to=2026-11-01", null, "to", TestName = "Statistics ending before they start")]
    [TestCase("GET", "/api/statistics/agents?from=2026-13-01&to=2026-11-01", null, "from", TestName = "Statistics from month 13")]
    [TestCase("GET", "/api/statistics/agents?from=01/11/2026&to=2026-11-01", null, "from", TestName = "Statistics from a date not in yyyy-MM-dd")]
    [TestCase("GET", "/api/statistics/agents?from=2025-01-01&to=2026-01-02", null, "to", TestName = "Statistics over 367 days")]
    [TestCase("GET", "/api/statistics/agents?from=1969-12-31&to=1970-01-01", null, "from", TestName = "Statistics before 1970")]
    [CancelAfter(30_000)]
    public async Task A_request_wrong_in_one_field_is_400_naming_that_field_with_a_reason(string method, string path, string? json, string field, CancellationToken ct)
    {
        var problem = await _worker.SendAsync(new HttpMethod(method), path, TestKeys.Admin, ct, json).ExpectAsync(HttpStatusCode.BadRequest, ct);

        var errors = problem.GetProperty("errors").EnumerateObject().ToList();
        Assert.That(errors.Select(e => e.Name), Is.EqualTo(new[] { field }));
        Assert.That(errors.Single(e => e.Name == field).Value[0].GetString(), Is.Not.Empty);
    }

    [Test, CancelAfter(30_000)]
    public async Task A_refused_write_leaves_the_directory_as_it_was(CancellationToken ct)
    {
        var path = _worker.DatabasePath();
        string[] tables = ["agent", "extension", "queue", "agent_queue", "pause_code"];
        var before = new List<List<string>>();
        foreach (var table in tables)
        {
            before.Add(await AgentsApi.RowsAsync(path, $"SELECT * FROM {table}", ct));
        }

        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/300", ct, new { name = "X", pin = "1" }).ExpectAsync(HttpStatusCode.BadRequest, ct);
        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/queues/demo/support", ct, new { wrapupSeconds = 4000 }).ExpectAsync(HttpStatusCode.BadRequest, ct);
        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/agents/210/queues/demo/support", ct, new { penalty = 5000 }).ExpectAsync(HttpStatusCode.BadRequest, ct);
        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/extensions", ct, new { @interface = "6001", server = "demo" }).ExpectAsync(HttpStatusCode.BadRequest, ct);
        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/pause-codes/99999", ct, new { name = "X", productive = true }).ExpectAsync(HttpStatusCode.BadRequest, ct);

        for (var i = 0; i < tables.Length; i++)
        {
            Assert.That(await AgentsApi.RowsAsync(path, $"SELECT * FROM {tables[i]}", ct), Is.EqualTo(before[i]), tables[i]);
        }
    }
}
