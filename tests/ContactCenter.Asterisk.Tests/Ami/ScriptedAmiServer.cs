using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Asterisk.Ami;

namespace ContactCenter.Asterisk.Tests.Ami;

/// <summary>
/// A minimal AMI peer on a loopback port for client tests: banner, Login (plain and MD5 challenge,
/// wrong secret answered after a delay and closed, as Asterisk does), Ping, Logoff, and whatever a test
/// scripts on top through <see cref="OnAction"/>.
/// </summary>
internal sealed class ScriptedAmiServer : IAsyncDisposable
{
    public const string User = "cc";
    public const string Secret = "ccsecret";
    private const string Challenge = "840715012";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ScriptedAmiSession> _sessions = new();
    private readonly Task _accept;

    public ScriptedAmiServer()
    {
        _listener.Start();
        _accept = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Called for every action; return true when the test handled it, false for the default behaviour.</summary>
    public Func<ScriptedAmiSession, AmiFrame, Task<bool>>? OnAction { get; set; }

    /// <summary>When false, the session keeps reading but answers nothing (a hung Asterisk).</summary>
    public bool Responsive { get; set; } = true;

    public TimeSpan FailedLoginDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public IReadOnlyCollection<ScriptedAmiSession> Sessions => _sessions;

    public ScriptedAmiSession LastSession => _sessions.Last();

    public AmiClientOptions ClientOptions(string secret = Secret) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Secret = secret,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        ActionTimeout = TimeSpan.FromSeconds(5),
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var session in _sessions)
        {
            session.Abort();
            await session.Completion;
        }
        try
        {
            await _accept;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            var session = new ScriptedAmiSession(socket);
            _sessions.Enqueue(session);
            session.Completion = session.RunAsync(this, _stop.Token);
        }
    }

    internal async Task HandleAsync(ScriptedAmiSession session, AmiFrame action)
    {
        if (OnAction is { } custom && await custom(session, action))
        {
            return;
        }
        if (!Responsive)
        {
            return;
        }
        var id = action.ActionId ?? string.Empty;
        switch (action["Action"]?.ToLowerInvariant())
        {
            case "challenge":
                await session.SendAsync($"Response: Success\r\nActionID: {id}\r\nChallenge: {Challenge}\r\n\r\n");
                break;
            case "login":
                var ok = action["Username"] == User && (action["Secret"] == Secret ||
                    action["Key"] == Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(Challenge + Secret))));
                if (ok)
                {
                    session.LoggedIn = true;
                    await session.SendAsync($"Response: Success\r\nActionID: {id}\r\nMessage: Authentication accepted\r\n\r\n" +
                                            "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 28\r\nLastReload: 28\r\nStatus: Fully Booted\r\n\r\n");
                }
                else
                {
                    await Task.Delay(FailedLoginDelay);
                    await session.SendAsync($"Response: Error\r\nActionID: {id}\r\nMessage: Authentication failed\r\n\r\n");
                    session.Abort();
                }
                break;
            case "ping":
                await session.SendAsync($"Response: Success\r\nActionID: {id}\r\nPing: Pong\r\nTimestamp: 1795289046.896023\r\n\r\n");
                break;
            case "logoff":
                await session.SendAsync($"Response: Goodbye\r\nActionID: {id}\r\nMessage: Thanks for all the fish.\r\n\r\n");
                session.Abort();
                break;
            default:
                await session.SendAsync(session.LoggedIn
                    ? $"Response: Error\r\nActionID: {id}\r\nMessage: Invalid/unknown command: {action["Action"]}. Use Action: ListCommands to show available commands.\r\n\r\n"
                    : $"Response: Error\r\nActionID: {id}\r\nMessage: Permission denied\r\n\r\n");
                break;
        }
    }
}

/// <summary>One client connection to the <see cref="ScriptedAmiServer"/>.</summary>
internal sealed class ScriptedAmiSession
{
    private readonly Socket _socket;
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly ConcurrentQueue<AmiFrame> _actions = new();

    public ScriptedAmiSession(Socket socket) => _socket = socket;

    public bool LoggedIn { get; set; }

    public Task Completion { get; set; } = Task.CompletedTask;

    public IReadOnlyCollection<AmiFrame> Actions => _actions;

    public bool Closed { get; private set; }

    public async Task SendAsync(string raw) => await SendAsync(Encoding.UTF8.GetBytes(raw));

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await _write.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, SocketFlags.None);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Closed = true;
        }
        finally
        {
            _write.Release();
        }
    }

    public void Abort()
    {
        Closed = true;
        _socket.Close();
    }

    internal async Task RunAsync(ScriptedAmiServer server, CancellationToken ct)
    {
        var reader = new AmiFrameReader();
        var frame = new AmiFrame();
        var pending = new ArrayBufferWriter<byte>();
        var chunk = new byte[8192];
        try
        {
            await SendAsync("Asterisk Call Manager/11.0.0\r\n");
            while (!ct.IsCancellationRequested)
            {
                var n = await _socket.ReceiveAsync(chunk, SocketFlags.None, ct);
                if (n == 0)
                {
                    break;
                }
                pending.Write(chunk.AsSpan(0, n));
                var buffer = new ReadOnlySequence<byte>(pending.WrittenMemory);
                while (reader.TryReadFrame(ref buffer, frame) != AmiReadResult.NeedMoreData)
                {
                    _actions.Enqueue(frame);
                    await server.HandleAsync(this, frame);
                    frame = new AmiFrame();
                }
                var rest = buffer.ToArray();
                pending.Clear();
                pending.Write(rest);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client or the test closed the connection.
        }
        Closed = true;
    }
}
