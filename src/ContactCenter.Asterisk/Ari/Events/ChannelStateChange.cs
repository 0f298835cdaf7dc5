namespace ContactCenter.Asterisk.Ari;

/// <summary>A channel changed state; the new state is <c>Channel.State</c>.</summary>
public sealed record ChannelStateChange : AriEvent
{
    public AriChannel Channel { get; init; } = new();
}
