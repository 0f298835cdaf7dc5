namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// Base of the ARI failures. The family is shallow on purpose: HTTP (Asterisk answered with an error
/// status), connection (Asterisk unreachable, exchange broken), timeout and protocol (a body that is
/// not what ARI documents). Messages say what happened and where: method, path, status, URL.
/// </summary>
public abstract class AriException : Exception
{
    protected AriException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
