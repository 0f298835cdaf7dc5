namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// A channel was destroyed. Channels that came from the dialplan and left Stasis get no such event in
/// the application (see the traces): do not wait for it to release state, use <see cref="StasisEnd"/>.
/// </summary>
public sealed record ChannelDestroyed : AriEvent
{
    /// <summary>Q.850 hangup cause.</summary>
    public int Cause { get; init; }

    /// <summary>Text of the cause, e.g. <c>Normal Clearing</c>.</summary>
    public string CauseTxt { get; init; } = string.Empty;

    public AriChannel Channel { get; init; } = new();
}
