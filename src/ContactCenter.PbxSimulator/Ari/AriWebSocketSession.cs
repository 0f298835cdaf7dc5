using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace ContactCenter.PbxSimulator.Ari;

/// <summary>
/// One event WebSocket (<c>/ari/events?app=…</c>): the engine hands it encoded events (never blocking),
/// a sender loop writes them as text messages, a receive loop notices the client leaving. On restart or
/// fault it is aborted with no close frame, as Asterisk does.
/// </summary>
internal sealed class AriWebSocketSession
{
    private readonly WebSocket _socket;
    private readonly HttpContext _http;
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private long _pending;
    private int _aborted;

    public AriWebSocketSession(WebSocket socket, HttpContext http, IReadOnlyList<string> applications)
    {
        _socket = socket;
        _http = http;
        Subscriber = new AriSubscriber(applications, Enqueue, Close);
    }

    public AriSubscriber Subscriber { get; }

    /// <summary>Messages handed over by the engine and not yet written to the socket.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public async Task RunAsync(CancellationToken ct)
    {
        var receive = ReceiveLoopAsync(ct);
        var send = SendLoopAsync(ct);
        await send;
        if (!receive.IsCompleted)
        {
            _socket.Abort();
        }
        await receive;
    }

    private void Enqueue(byte[] message)
    {
        Interlocked.Increment(ref _pending);
        if (!_outbox.Writer.TryWrite(message))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private void Close(bool abort)
    {
        if (abort && Interlocked.Exchange(ref _aborted, 1) == 0)
        {
            // No close frame: the TCP connection just ends, as when Asterisk stops.
            _socket.Abort();
            _http.Abort();
        }
        _outbox.Writer.TryComplete();
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync(ct))
            {
                Interlocked.Decrement(ref _pending);
                await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            if (Volatile.Read(ref _aborted) == 0 && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                // Everything queued before the close went out first.
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client left or the simulator is stopping.
        }
        finally
        {
            Interlocked.Exchange(ref _pending, 0);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[4096];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // The send loop drains what is queued, then answers the close.
                    _outbox.Writer.TryComplete();
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Aborted or the client vanished.
        }
    }
}
