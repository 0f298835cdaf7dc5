namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// A hangup was requested on a channel. After <c>DELETE /channels/{id}</c> Asterisk reports
/// <c>cause: 32, soft: true</c>: <see cref="Soft"/> is a flag, not a cause.
/// </summary>
public sealed record ChannelHangupRequest : AriEvent
{
    /// <summary>Q.850 cause, when Asterisk gives one.</summary>
    public int? Cause { get; init; }

    /// <summary>True for a soft hangup request.</summary>
    public bool Soft { get; init; }

    public AriChannel Channel { get; init; } = new();
}
