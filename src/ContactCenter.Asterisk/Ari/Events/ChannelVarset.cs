namespace ContactCenter.Asterisk.Ari;

/// <summary>A variable was set; <see cref="Channel"/> is null for a global variable.</summary>
public sealed record ChannelVarset : AriEvent
{
    public string Variable { get; init; } = string.Empty;

    public string Value { get; init; } = string.Empty;

    public AriChannel? Channel { get; init; }
}
