using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ContactCenter.PbxSimulator.Engine;
using Microsoft.Extensions.Logging;

namespace ContactCenter.PbxSimulator.Ami;

/// <summary>
/// The AMI TCP listener: accepts clients, greets them with the banner (no blank line after it, as
/// Asterisk does), and runs one <see cref="AmiSession"/> per connection.
/// </summary>
internal sealed class AmiServer : IAsyncDisposable
{
    public const string Banner = "Asterisk Call Manager/11.0.0\r\n";

    private readonly TcpListener _listener;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, AmiSession> _sessions = new();
    private readonly ConcurrentDictionary<int, Task> _runs = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _accept = Task.CompletedTask;
    private int _nextId;

    public AmiServer(PbxEngine engine, IPAddress address, int port, ILogger logger)
    {
        Engine = engine;
        _logger = logger;
        _listener = new TcpListener(address, port);
        Actions = new AmiActions(engine, this, logger);
        engine.Gate.Flushed += WakeAll;
    }

    public PbxEngine Engine { get; }

    public AmiActions Actions { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyCollection<AmiSession> Sessions => (IReadOnlyCollection<AmiSession>)_sessions.Values;

    public void Start()
    {
        _listener.Start(backlog: 128);
        _accept = AcceptLoopAsync(_stopping.Token);
    }

    /// <summary>True when every session has written everything the log holds for it (the auto clock waits for this).</summary>
    public bool IsQuiet()
    {
        foreach (var s in _sessions.Values)
        {
            if (s.Lag > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How many log entries the slowest session still has to look at.</summary>
    public long MaxLag
    {
        get
        {
            long max = 0;
            foreach (var s in _sessions.Values)
            {
                max = Math.Max(max, s.Lag);
            }
            return max;
        }
    }

    /// <summary>Fault: every AMI connection is cut at once, without a goodbye.</summary>
    public void DropAll(string reason)
    {
        foreach (var s in _sessions.Values)
        {
            s.Abort(reason);
        }
    }

    public void WakeAll()
    {
        foreach (var s in _sessions.Values)
        {
            s.Wake();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Engine.Gate.Flushed -= WakeAll;
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accept;
        DropAll("simulator stopped");
        await Task.WhenAll(_runs.Values);
        foreach (var s in _sessions.Values)
        {
            await s.DisposeAsync();
        }
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException ex) when (ct.IsCancellationRequested || ex.SocketErrorCode == SocketError.OperationAborted)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            socket.NoDelay = true;
            if (Engine.Gate.Run(() => Engine.IsBooting))
            {
                // Asterisk is still restarting: nobody listens yet.
                socket.Close();
                continue;
            }
            var id = Interlocked.Increment(ref _nextId);
            var session = Engine.Run(() =>
            {
                var s = new AmiSession(id, socket, this, Engine.Log.OpenReader(), _logger);
                Engine.Ami.ToSession(id, System.Text.Encoding.ASCII.GetBytes(Banner));
                return s;
            });
            _sessions[id] = session;
            SimLog.AmiSessionOpened(_logger, id, session.RemoteAddress);
            _runs[id] = RunSessionAsync(session);
            session.Wake();
        }
    }

    private async Task RunSessionAsync(AmiSession session)
    {
        try
        {
            await session.RunAsync();
        }
        finally
        {
            _sessions.TryRemove(session.Id, out _);
            _runs.TryRemove(session.Id, out _);
            await session.DisposeAsync();
        }
    }
}
