namespace ContactCenter.Asterisk.Ami;

/// <summary>The peer sent bytes that are not AMI (oversized frame, missing banner). The connection is closed.</summary>
public sealed class AmiProtocolException : AmiException
{
    public AmiProtocolException(string message) : base(message)
    {
    }
}
