using System.Globalization;
using System.Text;

namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// Builds a request path relative to the ARI base URL, escaping every segment and query value
/// (channel ids contain dots, media contains <c>:</c>, variable names contain parentheses).
/// </summary>
internal sealed class AriPath
{
    private readonly StringBuilder _path = new();
    private readonly StringBuilder _query = new();

    public AriPath(string resource) => _path.Append(resource);

    public AriPath Segment(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        // "." and ".." would be collapsed by URI normalisation and address another resource.
        if (value is "." or "..")
        {
            throw new ArgumentException($"'{value}' is not a valid ARI id.", parameterName);
        }
        _path.Append('/').Append(Uri.EscapeDataString(value));
        return this;
    }

    public AriPath Literal(string segment)
    {
        _path.Append('/').Append(segment);
        return this;
    }

    public AriPath Query(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }
        _query.Append(_query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public AriPath Query(string name, long? value) =>
        value is null ? this : Query(name, value.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>The path alone, used in logs and exceptions (query values may be sensitive).</summary>
    public string PathOnly => _path.ToString();

    public override string ToString() => _path.ToString() + _query.ToString();
}
