using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Hosting.Api;
using Microsoft.AspNetCore.Authorization;

namespace ContactCenter.Worker.Tests.Api;

/// <summary>
/// Every endpoint of the running host — the platform's, every production module's and the test module's —
/// declares who may call it, and the declaration holds: 401 without or with an unknown key, 403 for a
/// weaker role, through for the roles it names.
/// </summary>
public sealed partial class AuthorizationCoverageTests
{
    private TestWorker _worker = null!;

    [OneTimeSetUp]
    public async Task StartWorker() => _worker = await TestWorker.StartAsync(CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopWorker() => await _worker.DisposeAsync();

    private List<RouteEndpoint> Endpoints() =>
        _worker.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string Describe(RouteEndpoint e) => $"{string.Join(",", Methods(e))} /{e.RoutePattern.RawText?.TrimStart('/')}";

    private static IReadOnlyList<string> Methods(RouteEndpoint e) => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private static bool IsAnonymous(RouteEndpoint e) => e.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    private static List<string?> Policies(RouteEndpoint e) => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();

    [Test]
    public void Every_endpoint_declares_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = Endpoints();
        Assert.That(endpoints.Select(Describe), Has.Some.Contains("/ping/things/{id}").And.Some.Contains("/health/ready"), "the enumeration sees every source");

        var undeclared = endpoints.Where(e => !IsAnonymous(e) && Policies(e).Count == 0 && e.Metadata.GetMetadata<AuthorizationPolicy>() is null).Select(Describe).ToList();

        Assert.That(undeclared, Is.Empty, "endpoints that do not say who may call them");
    }

    [Test]
    public void Only_health_and_the_OpenAPI_document_are_anonymous()
    {
        var anonymous = Endpoints().Where(IsAnonymous).Select(e => e.RoutePattern.RawText!.TrimStart('/')).ToList();

        Assert.That(anonymous, Is.EquivalentTo(new[] { "health/live", "health/ready", "openapi/{documentName}.json" }));
    }

    [Test]
    public void Protected_endpoints_use_only_the_known_policies_and_self_policies_sit_on_an_agent_route()
    {
        foreach (var endpoint in Endpoints().Where(e => !IsAnonymous(e)))
        {
            var policies = Policies(endpoint);
            Assert.That(policies, Has.Count.EqualTo(1).And.All.AnyOf(ApiPolicies.All.ToArray()),
                $"{Describe(endpoint)}: declare access with RequireApiRole or RequireSelfOrRole (a new policy needs its row in this test)");
            if (policies[0] is ApiPolicies.SelfOrSupervisor or ApiPolicies.SelfOrAdmin)
            {
                Assert.That(endpoint.RoutePattern.GetParameter(ApiPolicies.AgentRouteParameter), Is.Not.Null, $"{Describe(endpoint)} has no {{agent}}");
            }
        }
    }

    [Test, CancelAfter(60_000)]
    public async Task Every_protected_endpoint_answers_401_without_a_key_and_with_an_unknown_key(CancellationToken ct)
    {
        foreach (var (endpoint, method, path) in ProtectedRequests())
        {
            foreach (var key in new[] { null, TestKeys.Unknown })
            {
                using var response = await _worker.SendAsync(method, path, key, ct, Body(method));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{Describe(endpoint)} with {(key is null ? "no key" : "an unknown key")}");
                Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("ApiKey"));
            }
        }
    }

    [Test, CancelAfter(60_000)]
    public async Task Every_protected_endpoint_answers_403_to_weaker_roles_and_lets_its_roles_through(CancellationToken ct)
    {
        var callers = new Dictionary<string, string>
        {
            ["admin"] = TestKeys.Admin, ["supervisor"] = TestKeys.Supervisor, ["agent 1001 (self)"] = TestKeys.Agent1001, ["agent 1002 (other)"] = TestKeys.Agent1002,
        };
        foreach (var (endpoint, method, path) in ProtectedRequests())
        {
            var allowed = Allowed(Policies(endpoint)[0]!);
            foreach (var (caller, key) in callers)
            {
                using var response = await _worker.SendAsync(method, path, key, ct, Body(method));
                if (allowed.Contains(caller))
                {
                    Assert.That(response.StatusCode, Is.Not.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), $"{Describe(endpoint)} as {caller}");
                }
                else
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{Describe(endpoint)} as {caller}");
                }
            }
        }
    }

    /// <summary>Who gets through each policy, with <c>{agent}</c> set to 1001. Admin includes supervisor everywhere.</summary>
    private static string[] Allowed(string policy) => policy switch
    {
        ApiPolicies.Agent => ["admin", "supervisor", "agent 1001 (self)", "agent 1002 (other)"],
        ApiPolicies.Supervisor => ["admin", "supervisor"],
        ApiPolicies.Admin => ["admin"],
        ApiPolicies.SelfOrSupervisor => ["admin", "supervisor", "agent 1001 (self)"],
        ApiPolicies.SelfOrAdmin => ["admin", "agent 1001 (self)"],
        _ => throw new AssertionException($"policy {policy} has no row in this test"),
    };

    private IEnumerable<(RouteEndpoint Endpoint, HttpMethod Method, string Path)> ProtectedRequests()
    {
        var requests = Endpoints().Where(e => !IsAnonymous(e))
            .SelectMany(e => Methods(e).Select(m => (e, new HttpMethod(m), Path(e))))
            .ToList();
        Assert.That(requests, Is.Not.Empty);
        return requests;
    }

    private static string Path(RouteEndpoint endpoint) =>
        "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), m => m.Groups[1].Value == ApiPolicies.AgentRouteParameter ? "1001" : m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.Empty.ToString() : "known");

    private static string? Body(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Delete ? null : "{}";

    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
