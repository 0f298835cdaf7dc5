using ContactCenter.Hosting.Api;
using Microsoft.Extensions.Options;

namespace ContactCenter.Worker.Api;

/// <summary>The keys of <c>Api:Keys</c>, by hash.</summary>
internal sealed class ConfiguredApiKeyStore(IOptions<ApiOptions> options) : IApiKeyStore
{
    private readonly Dictionary<string, ApiKeyIdentity> _byHash = options.Value.Keys.ToDictionary(
        k => k.Hash.ToLowerInvariant(), k => new ApiKeyIdentity(k.Name, k.Role, k.Role == ApiRoles.Agent ? k.Agent : null), StringComparer.Ordinal);

    public int Count => _byHash.Count;

    public ValueTask<ApiKeyIdentity?> FindAsync(string keySha256Hex, CancellationToken ct) =>
        ValueTask.FromResult(_byHash.GetValueOrDefault(keySha256Hex));
}
