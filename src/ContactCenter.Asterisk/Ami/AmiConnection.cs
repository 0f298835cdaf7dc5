using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// One TCP session to Asterisk's manager port: the banner, one read loop that turns bytes into frames
/// and routes them (responses and list items to the waiting action, events to the event buffer), and
/// serialized writes. It never reconnects: <see cref="AmiClient"/> owns the reconnect loop and makes a
/// new session each time.
/// </summary>
internal sealed partial class AmiConnection : IAsyncDisposable
{
    private const int MaxBannerBytes = 1024;

    private readonly AmiClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly AmiEventBuffer _events;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly AmiFrameReader _frameReader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, PendingAction> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private long _lastReceived;
    private long _malformed;
    private long _unmatched;
    private volatile string? _closeReason;
    private volatile bool _loggedIn;

    private AmiConnection(AmiClientOptions options, ILogger logger, TimeProvider time, AmiEventBuffer events, Socket socket)
    {
        _options = options;
        _logger = logger;
        _time = time;
        _events = events;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024));
        _frameReader = new AmiFrameReader(options.MaxFrameBytes);
        _lastReceived = time.GetTimestamp();
        ReadLoop = Task.FromResult("not started");
    }

    public string Endpoint => $"{_options.Host}:{_options.Port}";

    public string Banner { get; private set; } = string.Empty;

    /// <summary>True once Asterisk accepted the login; set by the read loop before the Connected notice.</summary>
    public bool IsLoggedIn => _loggedIn;

    /// <summary>Completes, with the reason, when the session ends. Never faults.</summary>
    public Task<string> ReadLoop { get; private set; }

    public int PendingCount => _pending.Count;

    public long MalformedFrames => Interlocked.Read(ref _malformed);

    public TimeSpan SilentFor => _time.GetElapsedTime(Interlocked.Read(ref _lastReceived));

    /// <summary>Connects, reads the banner, and starts the read loop.</summary>
    public static async Task<AmiConnection> OpenAsync(AmiClientOptions options, ILogger logger, TimeProvider time, AmiEventBuffer events, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        AmiConnection? connection = null;
        try
        {
            using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                await socket.ConnectAsync(options.Host, options.Port, linked.Token);
                connection = new AmiConnection(options, logger, time, events, socket);
                connection.Banner = await connection.ReadBannerAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new AmiConnectionException(
                    $"No AMI banner from {options.Host}:{options.Port} within {options.ConnectTimeout.TotalMilliseconds:0} ms",
                    AmiConnectionState.Connecting);
            }
            catch (SocketException ex)
            {
                throw new AmiConnectionException($"Cannot connect to AMI at {options.Host}:{options.Port}: {ex.Message}", AmiConnectionState.Connecting, ex);
            }
            connection.ReadLoop = Task.Run(connection.ReadLoopAsync, CancellationToken.None);
            return connection;
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            else
            {
                socket.Dispose();
            }
            throw;
        }
    }

    /// <summary>Sends an action and waits for its response (and list), failing on timeout, cancellation or loss.</summary>
    public async Task<AmiResponse> SendAsync(AmiAction action, string actionId, TimeSpan timeout, bool isLogin, CancellationToken ct)
    {
        var pending = new PendingAction(action.Name, actionId, isLogin);
        if (!_pending.TryAdd(actionId, pending))
        {
            throw new InvalidOperationException($"ActionID {actionId} is already pending");
        }
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
        try
        {
            if (_closeReason is { } reason)
            {
                throw new AmiConnectionException($"AMI action {action.Name} (ActionID {actionId}) not sent: the connection to {Endpoint} is closing ({reason})", AmiConnectionState.Reconnecting);
            }
            await WriteAsync(action, actionId, linked.Token);
            return await pending.Completion.Task.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new AmiTimeoutException(action.Name, actionId, timeout, _loggedIn ? AmiConnectionState.Connected : AmiConnectionState.LoggingIn, _pending.Count);
        }
        finally
        {
            _pending.TryRemove(actionId, out _);
        }
    }

    /// <summary>Closes the session; the read loop ends with <paramref name="reason"/>.</summary>
    public void Abort(string reason)
    {
        _closeReason ??= reason;
        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: nothing left to stop.
        }
        _socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        Abort("disposed");
        await ReadLoop;
        await _reader.CompleteAsync();
        await _stream.DisposeAsync();
        _closing.Dispose();
        _writeLock.Dispose();
    }

    private async Task WriteAsync(AmiAction action, string actionId, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        action.WriteTo(buffer, actionId);
        await _writeLock.WaitAsync(ct);
        try
        {
            AmiLog.ActionSent(_logger, action.Name, actionId, action);
            // Not cancellable mid-frame: half an action on the wire would corrupt every later one.
            await _stream.WriteAsync(buffer.WrittenMemory, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Abort($"write failed: {ex.Message}");
            throw new AmiConnectionException($"AMI action {action.Name} (ActionID {actionId}) could not be written to {Endpoint}: {ex.Message}", AmiConnectionState.Reconnecting, ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<string> ReadBannerAsync(CancellationToken ct)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(ct);
            var buffer = result.Buffer;
            if (AmiFrameReader.TryReadBanner(ref buffer, MaxBannerBytes, out var banner))
            {
                _reader.AdvanceTo(buffer.Start);
                if (!banner.StartsWith("Asterisk Call Manager/", StringComparison.Ordinal))
                {
                    throw new AmiProtocolException($"Unexpected banner from {Endpoint}: '{banner}' (expected 'Asterisk Call Manager/x.y.z')");
                }
                return banner;
            }
            _reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new AmiConnectionException($"{Endpoint} closed the connection before sending the AMI banner", AmiConnectionState.Connecting);
            }
        }
    }

    private async Task<string> ReadLoopAsync()
    {
        string reason;
        try
        {
            var frame = new AmiFrame();
            while (true)
            {
                var result = await _reader.ReadAsync(_closing.Token);
                var buffer = result.Buffer;
                var readAt = System.Diagnostics.Stopwatch.GetTimestamp();
                if (!buffer.IsEmpty)
                {
                    Interlocked.Exchange(ref _lastReceived, _time.GetTimestamp());
                }
                while (true)
                {
                    var status = _frameReader.TryReadFrame(ref buffer, frame);
                    if (status == AmiReadResult.NeedMoreData)
                    {
                        break;
                    }
                    frame.ReceivedTimestamp = readAt;
                    if (status == AmiReadResult.Frame)
                    {
                        Route(frame);
                        frame = new AmiFrame();
                    }
                    else
                    {
                        OnMalformed(frame);
                    }
                }
                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    reason = buffer.IsEmpty && frame.IsEmpty ? "closed by Asterisk" : "closed by Asterisk in the middle of a frame";
                    break;
                }
            }
        }
        catch (AmiProtocolException ex)
        {
            reason = ex.Message;
            AmiLog.ProtocolError(_logger, Endpoint, ex.Message);
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            reason = _closeReason ?? "closed";
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            reason = _closeReason ?? ex.Message;
        }

        _closeReason ??= reason;
        _loggedIn = false;
        FailPending(reason);
        return reason;
    }

    private void FailPending(string reason)
    {
        foreach (var (id, pending) in _pending)
        {
            pending.Fail(new AmiConnectionException(
                $"AMI connection to {Endpoint} lost while {pending.Action} (ActionID {id}) waited for its response: {reason}",
                AmiConnectionState.Reconnecting));
        }
    }

    private void Route(AmiFrame frame)
    {
        frame.Sequence = _events.NextSequence();
        if (frame.Kind == AmiFrameKind.Response)
        {
            RouteResponse(frame);
            return;
        }
        if (frame.Kind == AmiFrameKind.Event)
        {
            // List items carry the list's ActionID; OriginateResponse carries one too but its action
            // completed long ago, so it finds no pending list and is an ordinary event.
            if (!frame.ActionIdSpan.IsEmpty && _pending.TryGetValue(frame.ActionId!, out var list) && list.ListStart is not null)
            {
                if (frame.TryGetValue("EventList"u8, out var marker) && Ascii.EqualsIgnoreCase(marker, "Complete"u8))
                {
                    list.CompleteList(frame);
                }
                else
                {
                    list.AddItem(frame);
                }
                return;
            }
            _events.PublishEvent(frame);
            return;
        }
        Interlocked.Increment(ref _malformed);
        AmiLog.MalformedFrame(_logger, Endpoint, "a frame with neither Event nor Response", Shorten(frame.ToString()));
    }

    private void RouteResponse(AmiFrame frame)
    {
        var actionId = frame.ActionId;
        if (actionId is null || !_pending.TryGetValue(actionId, out var pending))
        {
            Interlocked.Increment(ref _unmatched);
            AmiLog.UnmatchedResponse(_logger, Endpoint, actionId ?? "(none)", frame.Get("Message") ?? string.Empty);
            return;
        }
        if (Ascii.EqualsIgnoreCase(frame.ResponseStatus, "Error"u8))
        {
            pending.Fail(new AmiActionException(pending.Action, actionId, frame.Get("Message") ?? "(no message)"));
            return;
        }
        if (frame.TryGetValue("EventList"u8, out var marker) && Ascii.EqualsIgnoreCase(marker, "start"u8))
        {
            pending.StartList(frame);
            return;
        }
        if (pending.IsLogin)
        {
            // Announced here, on the read loop, so the notice precedes every event of this session.
            _loggedIn = true;
            _events.Notice(AmiStreamItemKind.Connected, Banner);
        }
        pending.Succeed(frame);
    }

    private void OnMalformed(AmiFrame frame)
    {
        Interlocked.Increment(ref _malformed);
        AmiLog.MalformedFrame(_logger, Endpoint, frame.MalformedReason ?? "malformed", frame.MalformedLine ?? string.Empty);
        if (frame.ActionId is { } id && _pending.TryGetValue(id, out var pending))
        {
            pending.Fail(new AmiProtocolException($"Asterisk answered {pending.Action} (ActionID {id}) with a malformed frame: {frame.MalformedReason}"));
            return;
        }
        if (frame.Kind != AmiFrameKind.Response)
        {
            // The frame may have been an event the consumer needed: ask it to resynchronise.
            _events.Notice(AmiStreamItemKind.EventsLost, $"malformed frame dropped: {frame.MalformedReason}");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text.ReplaceLineEndings(" | ") : text[..200].ReplaceLineEndings(" | ") + "…";
}
