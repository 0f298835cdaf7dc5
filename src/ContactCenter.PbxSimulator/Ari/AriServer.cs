using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using ContactCenter.PbxSimulator.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.PbxSimulator.Ari;

/// <summary>
/// ARI on Kestrel: the REST resources under <c>/ari/</c> and the event WebSocket <c>/ari/events</c>, with
/// ari.conf's authentication (Basic, or <c>api_key=user:password</c>) and Asterisk's error bodies.
/// </summary>
internal sealed partial class AriServer : IAsyncDisposable
{
    private readonly PbxEngine _engine;
    private readonly AriOperations _ops;
    private readonly Func<string[], TimeSpan> _delay;
    private readonly ILogger _logger;
    private readonly string _serverHeader;
    private readonly ConcurrentDictionary<AriWebSocketSession, byte> _sockets = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _inFlight;

    public AriServer(PbxEngine engine, Func<string[], TimeSpan> delay, ILogger logger)
    {
        _engine = engine;
        _ops = new AriOperations(engine);
        _delay = delay;
        _logger = logger;
        _serverHeader = "Asterisk/" + engine.Options.AsteriskVersion;
    }

    public int Port { get; private set; }

    /// <summary>No request in progress and every WebSocket has written what it was given.</summary>
    public bool IsQuiet => Volatile.Read(ref _inFlight) == 0 && _sockets.Keys.All(s => s.Pending == 0);

    public async Task StartAsync(IPAddress address, int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(address, port));
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(HandleAsync);
        await app.StartAsync(ct);
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(bound).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _engine.Run(() => _engine.Ari.CloseAll(abort: true));
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _inFlight);
        try
        {
            var path = http.Request.Path.Value ?? string.Empty;
            if (!path.StartsWith("/ari/", StringComparison.Ordinal))
            {
                await AriResponses.WriteAsync(http, AriResult.NotFound("Not found"), _serverHeader);
                return;
            }
            if (_engine.Gate.Run(() => _engine.IsBooting))
            {
                http.Abort();
                return;
            }
            if (!Authenticated(http.Request))
            {
                SimLog.AriUnauthorized(_logger, http.Request.Method, path);
                await AriResponses.WriteAsync(http, new AriResult(401, Error: "Authentication required"), _serverHeader);
                return;
            }
            var segments = path[5..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments is ["events"])
            {
                await EventsAsync(http);
                return;
            }
            await DelayAsync(segments, http.RequestAborted);
            var result = await RouteAsync(http, segments, receivedAt);
            SimLog.AriRequest(_logger, http.Request.Method, path, result.Status);
            await AriResponses.WriteAsync(http, result, _serverHeader);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task EventsAsync(HttpContext http)
    {
        var apps = (http.Request.Query["app"].ToString() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await AriResponses.WriteAsync(http, AriResult.BadRequest("WebSocket upgrade required"), _serverHeader);
            return;
        }
        if (apps.Length == 0)
        {
            await AriResponses.WriteAsync(http, AriResult.BadRequest("Missing parameter app"), _serverHeader);
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var session = new AriWebSocketSession(socket, http, apps);
        _sockets[session] = 0;
        _engine.Run(() => _engine.Ari.Add(session.Subscriber));
        SimLog.AriWebSocketOpened(_logger, string.Join(',', apps));
        Interlocked.Decrement(ref _inFlight);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, http.RequestAborted);
            await session.RunAsync(linked.Token);
        }
        finally
        {
            Interlocked.Increment(ref _inFlight);
            _engine.Run(() => _engine.Ari.Remove(session.Subscriber));
            _sockets.TryRemove(session, out _);
            SimLog.AriWebSocketClosed(_logger, string.Join(',', apps));
        }
    }

    private bool Authenticated(HttpRequest request)
    {
        string? credentials = null;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            }
            catch (FormatException)
            {
                return false;
            }
        }
        credentials ??= request.Query["api_key"].ToString();
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && _engine.Options.EffectiveAriUsers.TryGetValue(credentials[..colon], out var password)
            && password == credentials[(colon + 1)..];
    }

    private async Task DelayAsync(string[] route, CancellationToken ct)
    {
        var delay = _delay(route);
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _engine.Clock.Schedule(delay, () => done.TrySetResult(), "delayed ARI response");
        await done.Task.WaitAsync(ct);
    }
}
