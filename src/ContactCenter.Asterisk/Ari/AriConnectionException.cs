namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// The REST call could not be carried: Asterisk is unreachable at <see cref="BaseUrl"/> (connection
/// refused, unknown host) or the HTTP exchange broke before a response arrived.
/// </summary>
public sealed class AriConnectionException : AriException
{
    public AriConnectionException(string message, Uri baseUrl, Exception? inner = null)
        : base(message, inner)
    {
        BaseUrl = baseUrl;
    }

    /// <summary>The ARI base URL that was tried (it never holds credentials).</summary>
    public Uri BaseUrl { get; }
}
