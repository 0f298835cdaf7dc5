namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// Base of the AMI failures. The family is shallow on purpose: protocol (bad bytes from the peer),
/// action (Asterisk said <c>Response: Error</c>), connection (not connected, lost, login refused) and
/// timeout. Messages say what happened and where: action, ActionID, connection state, pending count.
/// </summary>
public abstract class AmiException : Exception
{
    protected AmiException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
