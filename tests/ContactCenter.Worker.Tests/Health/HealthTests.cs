using System.Net;
using System.Text.Json;

namespace ContactCenter.Worker.Tests.Health;

public sealed class HealthTests
{
    private TestWorker _worker = null!;

    [OneTimeSetUp]
    public async Task StartWorker() => _worker = await TestWorker.StartAsync(CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopWorker() => await _worker.DisposeAsync();

    private async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadyAsync(CancellationToken ct)
    {
        using var response = await _worker.SendAsync(HttpMethod.Get, "/health/ready", null, ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }

    [Test, CancelAfter(30_000)]
    public async Task Live_answers_anonymously(CancellationToken ct)
    {
        using var response = await _worker.SendAsync(HttpMethod.Get, "/health/live", null, ct);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test, CancelAfter(30_000)]
    public async Task Ready_reports_the_database_the_bus_and_module_checks_each_by_name(CancellationToken ct)
    {
        var (status, checks) = await ReadyAsync(ct);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(checks, Is.EquivalentTo(new Dictionary<string, string> { ["database"] = "Healthy", ["bus"] = "Healthy", ["asterisk"] = "Healthy", ["ping"] = "Healthy" }));
    }

    [Test, CancelAfter(30_000)]
    public async Task Ready_is_503_naming_the_failing_check(CancellationToken ct)
    {
        _worker.Pings.Healthy = false;
        try
        {
            var (status, checks) = await ReadyAsync(ct);

            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(checks["ping"], Is.EqualTo("Unhealthy"));
            Assert.That(checks["database"], Is.EqualTo("Healthy"));
        }
        finally
        {
            _worker.Pings.Healthy = true;
        }
    }

    [Test, CancelAfter(30_000)]
    public async Task Ready_fails_when_the_database_query_fails(CancellationToken ct)
    {
        await using var worker = await TestWorker.StartAsync(ct);
        await using (var connection = await worker.App.Services.GetRequiredService<ContactCenter.Data.Database>().OpenAsync(ct))
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE schema_journal";
            await drop.ExecuteNonQueryAsync(ct);
        }

        using var response = await worker.SendAsync(HttpMethod.Get, "/health/ready", null, ct);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await response.Content.ReadAsStringAsync(ct), Does.Contain("\"name\":\"database\",\"status\":\"Unhealthy\""));
    }
}
