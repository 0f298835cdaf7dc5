namespace ContactCenter.Asterisk.Ari;

/// <summary>A playback of media on a channel or bridge.</summary>
public sealed record AriPlayback
{
    /// <summary>Playback id, chosen by the client when it passes one (e.g. <c>pb-1795289013.0</c>).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>What is played, e.g. <c>sound:agent-loginok</c>.</summary>
    public string MediaUri { get; init; } = string.Empty;

    /// <summary>The next media of a list playback, when there is one.</summary>
    public string? NextMediaUri { get; init; }

    /// <summary>Where it is played, e.g. <c>channel:1795289013.0</c>.</summary>
    public string TargetUri { get; init; } = string.Empty;

    public string? Language { get; init; }

    /// <summary><c>queued</c>, <c>playing</c>, <c>continuing</c>, <c>done</c>, <c>failed</c>…</summary>
    public string State { get; init; } = string.Empty;
}
