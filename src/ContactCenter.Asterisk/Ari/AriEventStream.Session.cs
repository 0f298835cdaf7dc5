using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace ContactCenter.Asterisk.Ari;

public sealed partial class AriEventStream
{
    /// <summary>Hard cap on one message; ARI events are a few KiB, a channel with many channelvars a few dozen.</summary>
    internal const int MaxMessageBytes = 8 * 1024 * 1024;

    private const int InitialBufferBytes = 16 * 1024;
    private const int ReceiveChunkBytes = 8 * 1024;
    private const int MalformedSnippetChars = 200;

    // A session that delivered a message, or stayed up this long, proves Asterisk is healthy again, so
    // the backoff restarts from its initial delay. One that is accepted and dropped at once keeps growing it.
    private static readonly TimeSpan StableSessionAfter = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(1);

    private long _sessionMessages;

    private async Task<SessionResult> RunSessionAsync(CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", _authorization);
        socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
        if (_options.KeepAliveInterval > TimeSpan.Zero)
        {
            // Ping-pong rather than unsolicited pongs: an unanswered ping aborts a silent dead socket.
            socket.Options.KeepAliveTimeout = _options.KeepAliveInterval;
        }
        socket.Options.CollectHttpResponseDetails = true;

        var failure = await ConnectAsync(socket, cancellationToken);
        if (failure is not null)
        {
            return new SessionResult(Opened: false, Healthy: false, failure);
        }

        var started = Stopwatch.GetTimestamp();
        _sessionMessages = 0;
        SetState(AriConnectionState.Connected);
        AriLog.Connected(_logger, _eventsUrl);
        Publish(new AriStreamItem(AriStreamItemKind.Connected, Detail: _eventsUrl.ToString()));

        var reason = await ReadLoopAsync(socket, cancellationToken);

        Publish(new AriStreamItem(AriStreamItemKind.Disconnected, Detail: reason));
        if (!cancellationToken.IsCancellationRequested)
        {
            AriLog.Disconnected(_logger, _sessionMessages, reason);
        }
        var healthy = _sessionMessages > 0 || Stopwatch.GetElapsedTime(started) >= StableSessionAfter;
        return new SessionResult(Opened: true, healthy, reason);
    }

    /// <summary>Opens the WebSocket; returns null on success or why it failed.</summary>
    private async Task<string?> ConnectAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RequestTimeout);
        try
        {
            await socket.ConnectAsync(_eventsUrl, deadline.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no WebSocket upgrade within {_options.RequestTimeout.TotalMilliseconds:0} ms";
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
        {
            return socket.HttpStatusCode switch
            {
                HttpStatusCode.Unauthorized =>
                    $"HTTP 401 on the upgrade: Asterisk refused the credentials (check {AriClientOptions.SectionName}:Username and {AriClientOptions.SectionName}:Password against ari.conf)",
                0 => Innermost(ex).Message,
                var status => $"HTTP {(int)status} {status} on the upgrade (is res_ari loaded and is {AriClientOptions.SectionName}:BaseUrl right?)",
            };
        }
    }

    /// <summary>Reads messages until the session ends; returns why it ended.</summary>
    private async Task<string> ReadLoopAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        // One byte past the cap is enough to tell that a message is oversized.
        using var buffer = new PooledMessageBuffer(InitialBufferBytes, MaxMessageBytes + 1);
        var skipping = false;
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer.GetMemory(ReceiveChunkBytes), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return "stopped";
            }
            catch (WebSocketException ex) when (ex.WebSocketErrorCode == WebSocketError.ConnectionClosedPrematurely)
            {
                // What Asterisk does on restart: the TCP connection ends with no close frame.
                return "closed without a close frame (Asterisk restarted or the connection dropped)";
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
            {
                // OperationCanceledException without our token: the keep-alive timeout aborted the socket.
                return Innermost(ex).Message;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                var description = string.IsNullOrEmpty(socket.CloseStatusDescription) ? string.Empty : ": " + socket.CloseStatusDescription;
                var reason = $"closed by Asterisk with status {(int?)socket.CloseStatus} ({socket.CloseStatus}){description}";
                await CompleteCloseHandshakeAsync(socket);
                return reason;
            }

            if (skipping)
            {
                // Rest of an oversized message: drop the bytes until it ends.
                buffer.Clear();
                skipping = !result.EndOfMessage;
                continue;
            }

            buffer.Advance(result.Count);
            if (buffer.Length > MaxMessageBytes)
            {
                Interlocked.Increment(ref _malformedMessages);
                AriLog.OversizedMessage(_logger, MaxMessageBytes);
                buffer.Clear();
                skipping = !result.EndOfMessage;
                continue;
            }
            if (result.EndOfMessage)
            {
                HandleMessage(buffer.WrittenSpan);
                buffer.Clear();
            }
        }
    }

    private void HandleMessage(ReadOnlySpan<byte> message)
    {
        _sessionMessages++;
        var evt = AriEventParser.Parse(message, out var problem);
        if (problem is not null)
        {
            Interlocked.Increment(ref _malformedMessages);
            AriLog.MalformedMessage(_logger, problem, Snippet(message));
        }
        if (evt is null)
        {
            return;
        }
        Interlocked.Increment(ref _eventsReceived);
        if (problem is null && evt is UnknownAriEvent unknown)
        {
            AriLog.UnknownEvent(_logger, unknown.Type);
        }
        Publish(new AriStreamItem(AriStreamItemKind.Event, evt));
    }

    private static async Task CompleteCloseHandshakeAsync(ClientWebSocket socket)
    {
        using var deadline = new CancellationTokenSource(CloseHandshakeTimeout);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, deadline.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            // The peer already said goodbye; failing to answer its close frame changes nothing.
        }
    }

    private static string Snippet(ReadOnlySpan<byte> message)
    {
        var text = Encoding.UTF8.GetString(message[..Math.Min(message.Length, MalformedSnippetChars * 2)]);
        return text.Length <= MalformedSnippetChars ? text : string.Concat(text.AsSpan(0, MalformedSnippetChars), "…");
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }
        return ex;
    }
}
