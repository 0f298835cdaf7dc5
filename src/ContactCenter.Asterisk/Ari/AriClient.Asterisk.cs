namespace ContactCenter.Asterisk.Ari;

public sealed partial class AriClient
{
    /// <summary>
    /// <c>GET /asterisk/info</c>: version, entity id and startup time. A cheap health probe; a startup
    /// time that moved means Asterisk restarted.
    /// </summary>
    public Task<AsteriskInfo> GetAsteriskInfoAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, new AriPath("asterisk").Literal("info"), AriJsonContext.Default.AsteriskInfo, cancellationToken);

    /// <summary><c>GET /applications</c>: the Stasis applications registered (one per connected event WebSocket).</summary>
    public Task<IReadOnlyList<AriApplication>> ListApplicationsAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, new AriPath("applications"), AriJsonContext.Default.IReadOnlyListAriApplication, cancellationToken);

    /// <summary><c>GET /applications/{name}</c>. An application with no connected WebSocket answers 404.</summary>
    public Task<AriApplication> GetApplicationAsync(string applicationName, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, new AriPath("applications").Segment(applicationName, nameof(applicationName)),
            AriJsonContext.Default.AriApplication, cancellationToken);
}
