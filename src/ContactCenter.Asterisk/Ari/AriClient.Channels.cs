using System.Net.Http.Json;

namespace ContactCenter.Asterisk.Ari;

public sealed partial class AriClient
{
    /// <summary><c>GET /channels/{channelId}</c>. A channel that no longer exists throws <see cref="AriHttpException"/> with status 404.</summary>
    public Task<AriChannel> GetChannelAsync(string channelId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, Channel(channelId), AriJsonContext.Default.AriChannel, cancellationToken);

    /// <summary><c>POST /channels/{channelId}/answer</c>.</summary>
    public Task AnswerAsync(string channelId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, Channel(channelId).Literal("answer"), cancellationToken);

    /// <summary>
    /// Plays <paramref name="media"/> (e.g. <c>sound:agent-loginok</c>) on a channel:
    /// <c>POST /channels/{channelId}/play[/{playbackId}]?media=…&amp;lang=…</c>. Choosing the
    /// <paramref name="playbackId"/> lets the caller match <see cref="PlaybackFinished"/> events that may
    /// arrive before this call returns.
    /// </summary>
    /// <returns>The playback as Asterisk created it (state <c>queued</c>).</returns>
    public Task<AriPlayback> PlayAsync(string channelId, string media, string? playbackId = null, string? lang = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(media);
        var path = Channel(channelId).Literal("play");
        if (playbackId is not null)
        {
            path.Segment(playbackId, nameof(playbackId));
        }
        path.Query("media", media).Query("lang", lang);
        return SendAsync(HttpMethod.Post, path, AriJsonContext.Default.AriPlayback, cancellationToken);
    }

    /// <summary>
    /// Hangs a channel up: <c>DELETE /channels/{channelId}[?reason_code=…]</c>. A channel already gone
    /// throws <see cref="AriHttpException"/> with status 404.
    /// </summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="reasonCode">Q.850 cause to hang up with, e.g. 16 (normal clearing).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task HangupAsync(string channelId, int? reasonCode = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, Channel(channelId).Query("reason_code", reasonCode), cancellationToken);

    /// <summary>
    /// Creates a channel and dials it: <c>POST /channels</c>. Not idempotent: never retry it blindly
    /// after a timeout; pass <see cref="AriOriginateRequest.ChannelId"/> to be able to look the channel up.
    /// </summary>
    public Task<AriChannel> OriginateAsync(AriOriginateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Endpoint, nameof(request));
        if (request.Extension is null && request.App is null)
        {
            throw new ArgumentException("An originate needs an Extension (dialplan) or an App (Stasis).", nameof(request));
        }
        var path = new AriPath("channels")
            .Query("endpoint", request.Endpoint)
            .Query("extension", request.Extension)
            .Query("context", request.Context)
            .Query("priority", request.Priority)
            .Query("label", request.Label)
            .Query("app", request.App)
            .Query("appArgs", request.AppArgs)
            .Query("callerId", request.CallerId)
            .Query("timeout", request.RingTimeout is { } ring ? (long)Math.Ceiling(ring.TotalSeconds) : null)
            .Query("channelId", request.ChannelId)
            .Query("otherChannelId", request.OtherChannelId);
        var body = request.Variables is { Count: > 0 } variables
            ? JsonContent.Create(new AriOriginateBody(variables), AriJsonContext.Default.AriOriginateBody)
            : null;
        return SendAsync(HttpMethod.Post, path, AriJsonContext.Default.AriChannel, cancellationToken, body);
    }

    /// <summary>
    /// Lets the channel leave Stasis and go on in the dialplan: <c>POST /channels/{channelId}/continue</c>.
    /// Without arguments it continues at the next priority.
    /// </summary>
    public Task ContinueInDialplanAsync(string channelId, string? context = null, string? extension = null, int? priority = null, string? label = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post,
            Channel(channelId).Literal("continue")
                .Query("context", context)
                .Query("extension", extension)
                .Query("priority", priority)
                .Query("label", label),
            cancellationToken);

    /// <summary><c>GET /channels/{channelId}/variable?variable=…</c>. An unset variable answers 404.</summary>
    public Task<AriVariable> GetVariableAsync(string channelId, string variable, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        return SendAsync(HttpMethod.Get, Channel(channelId).Literal("variable").Query("variable", variable),
            AriJsonContext.Default.AriVariable, cancellationToken);
    }

    /// <summary><c>POST /channels/{channelId}/variable?variable=…&amp;value=…</c>.</summary>
    public Task SetVariableAsync(string channelId, string variable, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        ArgumentNullException.ThrowIfNull(value);
        return SendAsync(HttpMethod.Post,
            Channel(channelId).Literal("variable").Query("variable", variable).Query("value", value),
            cancellationToken);
    }

    private static AriPath Channel(string channelId) => new AriPath("channels").Segment(channelId, nameof(channelId));
}
