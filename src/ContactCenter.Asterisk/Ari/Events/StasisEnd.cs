namespace ContactCenter.Asterisk.Ari;

/// <summary>A channel left the Stasis application (hung up, or continued in the dialplan).</summary>
public sealed record StasisEnd : AriEvent
{
    public AriChannel Channel { get; init; } = new();
}
