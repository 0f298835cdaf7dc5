using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Worker.Api;

/// <summary>
/// Keys are random and high-entropy, so a plain SHA-256 is enough to store them (no salt or stretching:
/// those protect guessable passwords). Lookup is by hash, so the key itself is never compared or kept.
/// </summary>
internal static class ApiKeyHash
{
    public static string Compute(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool IsValidHash(string? hash) => hash is { Length: 64 } && hash.All(char.IsAsciiHexDigit);

    /// <summary>A new key: 32 random bytes, URL-safe base64 without padding, prefixed so it is recognisable in a leak scan.</summary>
    public static string NewKey() => "cc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
