using System.Net;
using System.Text.Json;

namespace ContactCenter.Worker.Tests.Api;

public sealed class ProblemDetailsTests
{
    private TestWorker _worker = null!;

    [OneTimeSetUp]
    public async Task StartWorker() => _worker = await TestWorker.StartAsync(CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopWorker() => await _worker.DisposeAsync();

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
    }

    [Test, CancelAfter(30_000)]
    public async Task A_validation_error_is_400_naming_the_field_and_the_reason(CancellationToken ct)
    {
        using var response = await _worker.SendAsync(HttpMethod.Post, "/ping/admin/publish", TestKeys.Admin, ct, """{"text":" "}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await ProblemAsync(response, ct);
        Assert.That(problem.GetProperty("errors").GetProperty("text")[0].GetString(), Is.EqualTo("is required"));
    }

    [Test, CancelAfter(30_000)]
    public async Task An_unknown_thing_is_404_naming_it(CancellationToken ct)
    {
        using var response = await _worker.SendAsync(HttpMethod.Get, "/ping/things/42", TestKeys.Agent1001, ct);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var problem = await ProblemAsync(response, ct);
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Thing not found"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Thing '42' does not exist"));
    }

    [Test, CancelAfter(30_000)]
    public async Task Refusals_are_problem_documents_too(CancellationToken ct)
    {
        using var unauthorized = await _worker.SendAsync(HttpMethod.Get, "/ping/supervisor", null, ct);
        using var forbidden = await _worker.SendAsync(HttpMethod.Get, "/ping/supervisor", TestKeys.Agent1001, ct);

        Assert.That((await ProblemAsync(unauthorized, ct)).GetProperty("status").GetInt32(), Is.EqualTo(401));
        Assert.That((await ProblemAsync(forbidden, ct)).GetProperty("status").GetInt32(), Is.EqualTo(403));
    }

    [Test, CancelAfter(30_000)]
    public async Task The_OpenAPI_document_is_served_anonymously_with_module_endpoints_and_the_key_scheme(CancellationToken ct)
    {
        using var response = await _worker.SendAsync(HttpMethod.Get, "/openapi/v1.json", null, ct);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.That(document.GetProperty("paths").TryGetProperty("/ping/things/{id}", out _), Is.True);
        Assert.That(document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString(), Is.EqualTo("X-Api-Key"));
    }
}
