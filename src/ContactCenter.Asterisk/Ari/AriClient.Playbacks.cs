namespace ContactCenter.Asterisk.Ari;

public sealed partial class AriClient
{
    /// <summary><c>GET /playbacks/{playbackId}</c>. A finished playback answers 404.</summary>
    public Task<AriPlayback> GetPlaybackAsync(string playbackId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, Playback(playbackId), AriJsonContext.Default.AriPlayback, cancellationToken);

    /// <summary><c>DELETE /playbacks/{playbackId}</c>: stops the playback.</summary>
    public Task StopPlaybackAsync(string playbackId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, Playback(playbackId), cancellationToken);

    private static AriPath Playback(string playbackId) => new AriPath("playbacks").Segment(playbackId, nameof(playbackId));
}
