namespace ContactCenter.Hosting.Api;

/// <summary>What an API key stands for. The key itself is never kept, only its SHA-256.</summary>
public sealed record ApiKeyIdentity(string Name, string Role, string? Agent);

/// <summary>
/// Where API keys are looked up by the SHA-256 (lower-case hex) of the presented key. The worker reads
/// them from configuration (<c>Api:Keys</c>); a module may register another store (keys in the database)
/// and the stores are asked in registration order.
/// </summary>
public interface IApiKeyStore
{
    ValueTask<ApiKeyIdentity?> FindAsync(string keySha256Hex, CancellationToken ct);
}
