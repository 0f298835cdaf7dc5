using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// The ARI event WebSocket (<c>GET {BaseUrl}events?app={Application}</c>, basic auth on the upgrade).
/// One read loop parses every message into an <see cref="AriEvent"/> and writes it to <see cref="Items"/>,
/// a bounded channel it never waits on: when the consumer falls behind, events are dropped, counted,
/// logged, and announced by one <see cref="AriStreamItemKind.EventsLost"/> notice as soon as there is
/// room. Each session is framed by <see cref="AriStreamItemKind.Connected"/> and
/// <see cref="AriStreamItemKind.Disconnected"/> notices; the stream reconnects forever with jittered
/// exponential backoff until stopped.
/// </summary>
/// <remarks>
/// Host it in a <c>BackgroundService</c>: <c>ExecuteAsync(ct) =&gt; stream.RunAsync(ct)</c>, and read
/// <see cref="Items"/> from the consumer. <see cref="Items"/> completes when the stream stops.
/// </remarks>
public sealed partial class AriEventStream : IAsyncDisposable
{
    private readonly AriClientOptions _options;
    private readonly Uri _eventsUrl;
    private readonly string _authorization;
    private readonly ILogger _logger;
    private readonly Channel<AriStreamItem> _channel;
    private readonly CancellationTokenSource _disposeCts = new();
    private Task? _run;
    private int _started;
    private int _disposed;
    private int _state;
    private long _eventsReceived;
    private long _eventsDropped;
    private long _malformedMessages;

    /// <summary>Creates a stopped stream; <see cref="RunAsync"/> starts it.</summary>
    /// <param name="options">Validated on construction.</param>
    /// <param name="logger">Optional logger.</param>
    public AriEventStream(AriClientOptions options, ILogger<AriEventStream>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _eventsUrl = EventsUrlFor(options);
        _authorization = AriClient.BasicAuthorization(options).ToString();
        _logger = logger ?? NullLogger<AriEventStream>.Instance;
        _channel = Channel.CreateBounded<AriStreamItem>(new BoundedChannelOptions(options.EventBufferCapacity)
        {
            // Wait (not DropWrite) so that TryWrite reports a full buffer and the loss can be counted.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
            // Consumer continuations must never run on the socket read loop.
            AllowSynchronousContinuations = false,
        });
    }

    /// <summary>Events and connection notices, in order. Completes when the stream stops.</summary>
    public ChannelReader<AriStreamItem> Items => _channel.Reader;

    /// <summary>Where the WebSocket stands now.</summary>
    public AriConnectionState State => (AriConnectionState)Volatile.Read(ref _state);

    /// <summary>The WebSocket URL (<c>ws://…/ari/events?app=…</c>); it holds no credentials.</summary>
    public Uri EventsUrl => _eventsUrl;

    /// <summary>Messages parsed into events since construction, whether or not they fit in the buffer.</summary>
    public long EventsReceived => Interlocked.Read(ref _eventsReceived);

    /// <summary>Stream items dropped because the buffer was full (events, and any notice that found it full).</summary>
    public long EventsDropped => Interlocked.Read(ref _eventsDropped);

    /// <summary>Messages that were not valid JSON, not the documented shape of their type, or oversized.</summary>
    public long MalformedMessages => Interlocked.Read(ref _malformedMessages);

    /// <summary>
    /// Connects, reads and reconnects until <paramref name="cancellationToken"/> is cancelled or the stream
    /// is disposed, then completes <see cref="Items"/>. Completes normally when stopped. Runs once.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The ARI event stream runs once; create a new AriEventStream to run again.");
        }
        _run = RunCoreAsync(cancellationToken);
        return _run;
    }

    /// <summary>Stops the stream (if running), waits for the read loop to end and completes <see cref="Items"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _disposeCts.CancelAsync();
        if (_run is { } run)
        {
            await run;
        }
        _channel.Writer.TryComplete();
        _disposeCts.Dispose();
        _lossSignal.Dispose();
    }

    private async Task RunCoreAsync(CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposeCts.Token);
        var lossNotices = LossNoticeLoopAsync(stopping.Token);
        try
        {
            await ConnectLoopAsync(stopping.Token);
        }
        finally
        {
            await stopping.CancelAsync();
            await lossNotices;
            SetState(AriConnectionState.Stopped);
            _channel.Writer.TryComplete();
        }
    }

    private async Task ConnectLoopAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(_options.ReconnectInitialDelay, _options.ReconnectMaxDelay);
        while (!cancellationToken.IsCancellationRequested)
        {
            SetState(AriConnectionState.Connecting);
            SessionResult result;
            try
            {
                result = await RunSessionAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive any bug in one session: log it and reconnect.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                AriLog.SessionCrashed(_logger, ex);
                result = new SessionResult(Opened: false, Healthy: false, "session failed: " + ex.Message);
            }
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (result.Healthy)
            {
                backoff.Reset();
            }
            var delay = backoff.Next();
            SetState(AriConnectionState.Reconnecting);
            if (result.Opened)
            {
                AriLog.ReconnectScheduled(_logger, (long)delay.TotalMilliseconds, backoff.Attempt);
            }
            else
            {
                AriLog.ConnectFailed(_logger, _eventsUrl, result.Reason, (long)delay.TotalMilliseconds);
            }
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void SetState(AriConnectionState state)
    {
        var old = (AriConnectionState)Interlocked.Exchange(ref _state, (int)state);
        if (old != state)
        {
            AriLog.StateChanged(_logger, old, state);
        }
    }

    private static Uri EventsUrlFor(AriClientOptions options)
    {
        var http = new Uri(options.NormalizedBaseUrl, "events?app=" + Uri.EscapeDataString(options.Application));
        var ws = new UriBuilder(http) { Scheme = http.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs };
        return ws.Uri;
    }

    /// <summary>How a session ended: whether the upgrade succeeded, whether it counts as a good session, why it ended.</summary>
    private readonly record struct SessionResult(bool Opened, bool Healthy, string Reason);
}
