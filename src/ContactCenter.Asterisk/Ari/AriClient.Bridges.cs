namespace ContactCenter.Asterisk.Ari;

public sealed partial class AriClient
{
    /// <summary><c>POST /bridges?type=…</c>.</summary>
    /// <param name="type">Comma-separated bridge type flags: <c>mixing</c>, <c>holding</c>, <c>dtmf_events</c>, <c>proxy_media</c>…</param>
    /// <param name="bridgeId">Id to give the bridge; Asterisk picks one when null.</param>
    /// <param name="name">Name to give the bridge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AriBridge> CreateBridgeAsync(string type = "mixing", string? bridgeId = null, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return SendAsync(HttpMethod.Post,
            new AriPath("bridges").Query("type", type).Query("bridgeId", bridgeId).Query("name", name),
            AriJsonContext.Default.AriBridge, cancellationToken);
    }

    /// <summary><c>POST /bridges/{bridgeId}/addChannel?channel=…</c>.</summary>
    public Task AddChannelToBridgeAsync(string bridgeId, string channelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        return SendAsync(HttpMethod.Post, Bridge(bridgeId).Literal("addChannel").Query("channel", channelId), cancellationToken);
    }

    /// <summary><c>POST /bridges/{bridgeId}/removeChannel?channel=…</c>.</summary>
    public Task RemoveChannelFromBridgeAsync(string bridgeId, string channelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        return SendAsync(HttpMethod.Post, Bridge(bridgeId).Literal("removeChannel").Query("channel", channelId), cancellationToken);
    }

    /// <summary><c>DELETE /bridges/{bridgeId}</c>; the channels in it stay up.</summary>
    public Task DestroyBridgeAsync(string bridgeId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, Bridge(bridgeId), cancellationToken);

    private static AriPath Bridge(string bridgeId) => new AriPath("bridges").Segment(bridgeId, nameof(bridgeId));
}
