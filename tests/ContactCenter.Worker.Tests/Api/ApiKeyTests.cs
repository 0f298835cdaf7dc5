using System.Net;
using System.Net.Http.Headers;
using ContactCenter.Worker.Api;

namespace ContactCenter.Worker.Tests.Api;

public sealed class ApiKeyTests
{
    private TestWorker _worker = null!;

    [OneTimeSetUp]
    public async Task StartWorker() => _worker = await TestWorker.StartAsync(CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopWorker() => await _worker.DisposeAsync();

    [Test, CancelAfter(30_000)]
    public async Task A_key_is_accepted_in_the_Authorization_header_and_in_X_Api_Key(CancellationToken ct)
    {
        using var viaAuthorization = await _worker.SendAsync(HttpMethod.Get, "/ping", TestKeys.Agent1001, ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ping");
        request.Headers.Add("X-Api-Key", TestKeys.Agent1001);
        using var viaHeader = await _worker.Http.SendAsync(request, ct);

        Assert.That(viaAuthorization.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(viaHeader.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_key_sent_in_another_scheme_is_not_accepted(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ping");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);

        using var response = await _worker.Http.SendAsync(request, ct);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test, CancelAfter(30_000)]
    public async Task An_agent_key_acts_as_its_own_agent_only(CancellationToken ct)
    {
        using var own = await _worker.SendAsync(HttpMethod.Get, "/ping/agents/1001", TestKeys.Agent1001, ct);
        using var other = await _worker.SendAsync(HttpMethod.Get, "/ping/agents/1002", TestKeys.Agent1001, ct);
        using var supervisor = await _worker.SendAsync(HttpMethod.Get, "/ping/agents/1002", TestKeys.Supervisor, ct);

        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(supervisor.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test, CancelAfter(30_000)]
    public async Task Another_agent_is_refused_before_the_request_body_is_read(CancellationToken ct)
    {
        using var response = await _worker.SendAsync(HttpMethod.Post, "/ping/agents/1002/pause", TestKeys.Agent1001, ct, "not json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test, CancelAfter(30_000)]
    public async Task Keys_never_appear_in_the_logs_and_an_unknown_key_is_logged_without_it(CancellationToken ct)
    {
        foreach (var key in TestKeys.All)
        {
            (await _worker.SendAsync(HttpMethod.Get, "/ping/agents/1001", key, ct)).Dispose();
        }

        var logged = _worker.Logs.Entries.Select(e => e.Message).ToList();
        Assert.That(logged, Is.Not.Empty);
        foreach (var key in TestKeys.All)
        {
            Assert.That(logged, Has.None.Contains(key[3..15]), "no key, nor a piece of one, is logged");
            Assert.That(logged, Has.None.Contains(ApiKeyHash.Compute(key)), "nor its hash");
        }
        Assert.That(_worker.Logs.Entries, Has.Some.Matches<(LogLevel Level, EventId Id, string Message)>(e => e.Id.Id == 2001 && e.Message.Contains("/ping/agents/1001", StringComparison.Ordinal)));
    }

    [Test]
    public void Hash_key_prints_the_SHA256_hex_of_a_given_key()
    {
        using var output = new StringWriter();

        Assert.That(HashKeyCommand.Run(["abc"], output), Is.Zero);

        Assert.That(output.ToString().Trim(), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    [Test]
    public void Hash_key_without_a_key_prints_a_new_random_key_and_its_hash()
    {
        using var first = new StringWriter();
        using var second = new StringWriter();

        HashKeyCommand.Run([], first);
        HashKeyCommand.Run([], second);

        var lines = first.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var key = lines[0]["key:".Length..].Trim();
        Assert.That(key, Has.Length.GreaterThanOrEqualTo(40).And.StartWith("cc_"));
        Assert.That(lines[1], Is.EqualTo("hash: " + ApiKeyHash.Compute(key)));
        Assert.That(second.ToString(), Does.Not.Contain(key));
    }

    [Test]
    public void Key_settings_are_checked_naming_each_bad_key()
    {
        var options = new ApiOptions
        {
            Keys =
            [
                new ApiKeyOptions { Name = "a", Role = "agent", Hash = ApiKeyHash.Compute("x") },
                new ApiKeyOptions { Name = "a", Role = "root", Hash = "abc" },
                new ApiKeyOptions { Name = "c", Role = "admin", Agent = "1001", Hash = ApiKeyHash.Compute("y") },
            ],
        };

        Assert.That(options.Validate(), Is.EqualTo(new[]
        {
            "Api:Keys:0:Agent: is required for role agent (the agent number the key acts as)",
            "Api:Keys:1:Name: 'a' is used by another key",
            "Api:Keys:1:Hash: must be the 64 hex digits of SHA-256 of the key (run `ContactCenter.Worker hash-key`)",
            "Api:Keys:1:Role: must be one of agent, supervisor, admin, was 'root'",
            "Api:Keys:2:Agent: applies to role agent only; a admin key acts for every agent",
        }));
    }
}
