namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// The action could not be carried: the client is not connected, the connection dropped while the
/// action was pending, or the login was refused.
/// </summary>
public sealed class AmiConnectionException : AmiException
{
    public AmiConnectionException(string message, AmiConnectionState state, Exception? inner = null)
        : base(message, inner)
    {
        State = state;
    }

    /// <summary>The connection state when the failure happened.</summary>
    public AmiConnectionState State { get; }
}
