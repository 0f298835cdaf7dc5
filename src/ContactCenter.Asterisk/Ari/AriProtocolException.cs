namespace ContactCenter.Asterisk.Ari;

/// <summary>Asterisk answered with a success status but a body that is not what ARI documents.</summary>
public sealed class AriProtocolException : AriException
{
    public AriProtocolException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
