using System.Security.Claims;
using System.Text.Encodings.Web;
using ContactCenter.Hosting.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ContactCenter.Worker.Api;

/// <summary>
/// Authenticates <c>Authorization: ApiKey &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> by the key's SHA-256
/// against the registered <see cref="IApiKeyStore"/>s. The key is never logged, not even in part.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, IEnumerable<IApiKeyStore> stores)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey();
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiKeyHash.Compute(key);
        foreach (var store in stores)
        {
            if (await store.FindAsync(hash, Context.RequestAborted) is { } identity)
            {
                var claims = new List<Claim> { new(ClaimTypes.Name, identity.Name), new(ClaimTypes.Role, identity.Role) };
                if (identity.Agent is not null)
                {
                    claims.Add(new Claim(ApiClaims.Agent, identity.Agent));
                }
                var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
                return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
            }
        }
        LogUnknownKey(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown", Request.Method, Request.Path);
        return AuthenticateResult.Fail("Unknown API key");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = SchemeName;
        return base.HandleChallengeAsync(properties);
    }

    private string? ReadKey()
    {
        string? header = Request.Headers.Authorization;
        if (header is not null && header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return header[(SchemeName.Length + 1)..].Trim() is { Length: > 0 } key ? key : null;
        }
        string? apiKey = Request.Headers[HeaderName];
        return string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Refused an unknown API key from {RemoteIp} on {Method} {Path}")]
    private static partial void LogUnknownKey(ILogger logger, string remoteIp, string method, string path);
}
