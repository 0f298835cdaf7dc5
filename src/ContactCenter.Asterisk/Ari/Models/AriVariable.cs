namespace ContactCenter.Asterisk.Ari;

/// <summary>The value of a channel or global variable.</summary>
public sealed record AriVariable
{
    public string Value { get; init; } = string.Empty;
}
