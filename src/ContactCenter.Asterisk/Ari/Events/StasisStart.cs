namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// A channel entered the Stasis application. The number the caller dialed is
/// <c>Channel.Dialplan.Exten</c> (e.g. <c>**1210</c>); <see cref="Args"/> are the <c>Stasis()</c> arguments.
/// </summary>
public sealed record StasisStart : AriEvent
{
    public IReadOnlyList<string> Args { get; init; } = [];

    public AriChannel Channel { get; init; } = new();

    /// <summary>The channel this one replaces (masquerade, e.g. after an attended transfer), if any.</summary>
    public AriChannel? ReplaceChannel { get; init; }
}
