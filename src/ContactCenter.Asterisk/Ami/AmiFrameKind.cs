namespace ContactCenter.Asterisk.Ami;

/// <summary>What an AMI frame is, decided by its headers.</summary>
public enum AmiFrameKind
{
    /// <summary>Neither <c>Event</c> nor <c>Response</c>: an action (as the simulator reads it) or junk.</summary>
    Other,

    /// <summary>Has an <c>Event</c> header, even if it also has <c>Response</c> and <c>ActionID</c>.</summary>
    Event,

    /// <summary>Has a <c>Response</c> header and no <c>Event</c> header.</summary>
    Response,
}
