namespace ContactCenter.Asterisk.Ari;

/// <summary>A DTMF digit ended on a channel.</summary>
public sealed record ChannelDtmfReceived : AriEvent
{
    /// <summary><c>0</c>-<c>9</c>, <c>*</c>, <c>#</c>, <c>A</c>-<c>D</c>.</summary>
    public string Digit { get; init; } = string.Empty;

    public int DurationMs { get; init; }

    public AriChannel Channel { get; init; } = new();
}
