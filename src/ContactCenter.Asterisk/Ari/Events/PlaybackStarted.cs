namespace ContactCenter.Asterisk.Ari;

/// <summary>A playback started.</summary>
public sealed record PlaybackStarted : AriEvent
{
    public AriPlayback Playback { get; init; } = new();
}
