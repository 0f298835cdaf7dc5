namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// No response within the request timeout. The call may still have been executed by Asterisk, so a
/// non-idempotent call (originate) must not be retried blindly.
/// </summary>
public sealed class AriTimeoutException : AriException
{
    public AriTimeoutException(string method, string path, TimeSpan timeout, Exception? inner = null)
        : base($"ARI {method} {path} got no response within {timeout.TotalMilliseconds:0} ms; Asterisk may still have executed it", inner)
    {
        Method = method;
        Path = path;
    }

    public string Method { get; }

    public string Path { get; }
}
