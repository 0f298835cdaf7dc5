using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Asterisk.Ami;
using ContactCenter.PbxSimulator.Engine;
using Microsoft.Extensions.Logging;

namespace ContactCenter.PbxSimulator.Ami;

/// <summary>
/// One AMI client connection: a read loop that parses actions with the product's own frame reader and
/// hands them to <see cref="AmiActions"/>, and a write loop that follows the shared <see cref="EventLog"/>,
/// keeps what this session may see (its own responses; events of its read classes and Events mask once
/// logged in), batches it into large socket writes, and drops the client if one write takes longer than
/// <c>writetimeout</c> (Asterisk's answer to a client that stopped reading).
/// </summary>
internal sealed class AmiSession : IAsyncDisposable
{
    private const int SendBufferBytes = 256 * 1024;

    private readonly Socket _socket;
    private readonly AmiServer _server;
    private readonly ILogger _logger;
    private readonly AsyncSignal _wake = new();
    private readonly CancellationTokenSource _closing = new();
    private byte[] _send = new byte[SendBufferBytes];
    private LogCursor _cursor;
    private int _effectiveMask;
    private long _loginSequence = long.MaxValue;
    private int _closed;

    public AmiSession(int id, Socket socket, AmiServer server, LogCursor cursor, ILogger logger)
    {
        Id = id;
        _socket = socket;
        _server = server;
        _cursor = cursor;
        _logger = logger;
        Remote = socket.RemoteEndPoint as IPEndPoint;
        Local = socket.LocalEndPoint as IPEndPoint;
        ConnectedAt = server.Engine.Clock.Now;
        SessionId = "0x" + (0x7f5a00000000L + id * 0x1000L).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
    }

    public int Id { get; }

    public IPEndPoint? Remote { get; }

    public IPEndPoint? Local { get; }

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>The pointer-like session id Asterisk prints in security events.</summary>
    public string SessionId { get; }

    public string Username { get; set; } = string.Empty;

    /// <summary>The MD5 challenge handed out by the Challenge action, if any.</summary>
    public string? Challenge { get; set; }

    public bool IsLoggedIn => Volatile.Read(ref _loginSequence) != long.MaxValue;

    /// <summary>The session stops reading actions (failed login waiting for its answer, Logoff).</summary>
    public bool IsClosing { get; set; }

    /// <summary>The classes this session receives: the user's read classes and the session's Events mask.</summary>
    public EventClass EventMask
    {
        get => (EventClass)Volatile.Read(ref _effectiveMask);
        set => Volatile.Write(ref _effectiveMask, (int)value);
    }

    public string LocalAddress => $"IPV4/TCP/{Local?.Address}/{Local?.Port}";

    public string RemoteAddress => $"IPV4/TCP/{Remote?.Address}/{Remote?.Port}";

    /// <summary>Bytes the session has not written yet (how far it lags behind the log).</summary>
    public long Lag => _server.Engine.Log.NextSequence - _cursor.Sequence;

    /// <summary>Marks the login: broadcast events from <paramref name="sequence"/> on are delivered.</summary>
    public void LoggedIn(long sequence) => Volatile.Write(ref _loginSequence, sequence);

    public void Wake() => _wake.Set();

    public Task RunAsync() => Task.WhenAll(ReadLoopAsync(), WriteLoopAsync());

    /// <summary>Drops the connection at once (fault injection, restart of the server).</summary>
    public void Abort(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        SimLog.AmiSessionClosed(_logger, Id, RemoteAddress, reason);
        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed.
        }
        _socket.Close();
        _wake.Set();
    }

    public ValueTask DisposeAsync()
    {
        Abort("disposed");
        _server.Engine.Log.CloseReader(_cursor);
        _closing.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ReadLoopAsync()
    {
        var reader = PipeReader.Create(new NetworkStream(_socket, ownsSocket: false));
        var frames = new AmiFrameReader();
        var frame = new AmiFrame();
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var result = await reader.ReadAsync(_closing.Token);
                var buffer = result.Buffer;
                while (true)
                {
                    var status = frames.TryReadFrame(ref buffer, frame);
                    if (status == AmiReadResult.NeedMoreData)
                    {
                        break;
                    }
                    if (!IsClosing)
                    {
                        _server.Actions.Handle(this, frame);
                    }
                    frame = new AmiFrame();
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException or AmiProtocolException)
        {
            SimLog.AmiReadEnded(_logger, Id, ex.Message);
        }
        finally
        {
            await reader.CompleteAsync();
            Abort("client closed the connection");
        }
    }

    private async Task WriteLoopAsync()
    {
        var writeTimeout = _server.Engine.Options.WriteTimeout;
        try
        {
            while (Volatile.Read(ref _closed) == 0)
            {
                var (length, close) = Gather();
                if (length > 0)
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
                    timeout.CancelAfter(writeTimeout);
                    try
                    {
                        var sent = 0;
                        while (sent < length)
                        {
                            sent += await _socket.SendAsync(_send.AsMemory(sent, length - sent), SocketFlags.None, timeout.Token);
                        }
                    }
                    catch (OperationCanceledException) when (!_closing.IsCancellationRequested)
                    {
                        SimLog.AmiSlowReader(_logger, Id, RemoteAddress, writeTimeout.TotalMilliseconds);
                        Abort($"write timed out after {writeTimeout.TotalMilliseconds:0} ms (writetimeout)");
                        return;
                    }
                }
                if (close)
                {
                    Abort("closed by the server");
                    return;
                }
                if (length == 0)
                {
                    await _wake.WaitAsync(_closing.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            Abort(ex.Message);
        }
    }

    /// <summary>Copies what this session should send next into the send buffer; true when it must close after sending.</summary>
    private (int Length, bool Close) Gather()
    {
        var length = 0;
        if (_carry is { } carried)
        {
            _carry = null;
            if (Append(carried.Entry, carried.Data, ref length))
            {
                return (length, true);
            }
        }
        while (_cursor.TryNext(out var entry, out var data, out var sequence))
        {
            if ((entry.Flags & LogEntryFlags.CloseAll) != 0)
            {
                return (length, true);
            }
            var deliver = entry.Target == Id
                || (entry.Target == 0 && sequence >= Volatile.Read(ref _loginSequence)
                    && ((entry.Flags & LogEntryFlags.Raw) != 0 || (entry.Class & EventMask) != 0));
            if (!deliver)
            {
                continue;
            }
            if (length > 0 && length + entry.Length > _send.Length)
            {
                // The cursor is already past this entry: it goes first into the next batch.
                _carry = (entry, data);
                return (length, false);
            }
            if (Append(entry, data, ref length))
            {
                return (length, true);
            }
        }
        return (length, false);
    }

    private bool Append(EventLog.Entry entry, byte[] data, ref int length)
    {
        if (entry.Length > _send.Length)
        {
            _send = new byte[entry.Length];
        }
        Buffer.BlockCopy(data, entry.Offset, _send, length, entry.Length);
        length += entry.Length;
        return (entry.Flags & LogEntryFlags.CloseAfter) != 0 && entry.Target == Id;
    }

    private (EventLog.Entry Entry, byte[] Data)? _carry;
}
