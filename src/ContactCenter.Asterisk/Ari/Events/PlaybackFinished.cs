namespace ContactCenter.Asterisk.Ari;

/// <summary>A playback ended; <c>Playback.State</c> says how (<c>done</c>, <c>failed</c>…).</summary>
public sealed record PlaybackFinished : AriEvent
{
    public AriPlayback Playback { get; init; } = new();
}
