using ContactCenter.Hosting.Api;

namespace ContactCenter.Worker.Api;

/// <summary>
/// The <c>Api</c> section: the API keys, stored hashed. <c>Api:Keys:N:Hash</c> is the SHA-256 (hex) of a
/// random high-entropy key; <c>ContactCenter.Worker hash-key</c> prints a new key and its hash.
/// </summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public List<ApiKeyOptions> Keys { get; set; } = [];

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            var at = $"{Section}:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                errors.Add($"{at}:Name: is required (who holds the key, for the logs)");
            }
            else if (!names.Add(key.Name))
            {
                errors.Add($"{at}:Name: '{key.Name}' is used by another key");
            }
            if (!ApiKeyHash.IsValidHash(key.Hash))
            {
                errors.Add($"{at}:Hash: must be the 64 hex digits of SHA-256 of the key (run `ContactCenter.Worker hash-key`)");
            }
            else if (!hashes.Add(key.Hash))
            {
                errors.Add($"{at}:Hash: is the hash of another key");
            }
            if (!ApiRoles.All.Contains(key.Role))
            {
                errors.Add($"{at}:Role: must be one of {string.Join(", ", ApiRoles.All)}, was '{key.Role}'");
            }
            else if (key.Role == ApiRoles.Agent && string.IsNullOrWhiteSpace(key.Agent))
            {
                errors.Add($"{at}:Agent: is required for role agent (the agent number the key acts as)");
            }
            else if (key.Role != ApiRoles.Agent && !string.IsNullOrEmpty(key.Agent))
            {
                errors.Add($"{at}:Agent: applies to role agent only; a {key.Role} key acts for every agent");
            }
        }
        return errors;
    }
}

public sealed class ApiKeyOptions
{
    public string Name { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string? Agent { get; set; }
}
