using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using ContactCenter.Asterisk.Ari;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Asterisk.Tests.Ari;

/// <summary>A request as the loopback server saw it, with the raw request target (path and query as sent).</summary>
internal sealed record RecordedRequest(string Method, string RawTarget, string Authorization, string Body);

/// <summary>
/// A loopback stand-in for Asterisk's ARI (Kestrel on 127.0.0.1, real sockets). REST calls are answered
/// from the <c>ari-*.rest.txt</c> traces (byte-exact bodies, status, Location) or by a per-test handler;
/// each WebSocket upgrade on <c>/ari/events</c> runs the next queued session script. Credentials are the
/// trace's (<c>cc</c>/<c>ccsecret</c>); anything else gets 401 like Asterisk.
/// </summary>
internal sealed class AriTestServer : IAsyncDisposable
{
    public const string Username = "cc";
    public const string Password = "ccsecret";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RestExchange> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<WebSocket, HttpContext, Task>> _sessions = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _rejectedUpgrades;
    private int _acceptedUpgrades;

    private AriTestServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Answers REST calls before the trace routes when set; cleared by <see cref="Reset"/>.</summary>
    public Func<HttpContext, Task>? RestHandler { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int AcceptedUpgrades => Volatile.Read(ref _acceptedUpgrades);

    public int RejectedUpgrades => Volatile.Read(ref _rejectedUpgrades);

    public static async Task<AriTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new AriTestServer(app);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/ari/");
        return server;
    }

    public AriClientOptions Options(string? password = null) => new()
    {
        BaseUrl = BaseUrl,
        Username = Username,
        Password = password ?? Password,
        RequestTimeout = TimeSpan.FromSeconds(5),
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>Serves every REST exchange of a trace file for its exact method and target.</summary>
    public void AddRestTrace(string fileName)
    {
        foreach (var exchange in RestTrace.Read(fileName))
        {
            _routes[$"{exchange.Method} {exchange.Target}"] = exchange;
        }
    }

    /// <summary>Queues the script of the next WebSocket session; without one a session idles until the client leaves.</summary>
    public void EnqueueSession(Func<WebSocket, HttpContext, Task> script) => _sessions.Enqueue(script);

    public void Reset()
    {
        RestHandler = null;
        _routes.Clear();
        _sessions.Clear();
        _requests.Clear();
        Volatile.Write(ref _rejectedUpgrades, 0);
        Volatile.Write(ref _acceptedUpgrades, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static Task SendTextAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Keeps receiving (which also answers pings) until the client closes or goes away.</summary>
    public static async Task IdleUntilClientLeavesAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The client aborted; the session is over either way.
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var authorization = context.Request.Headers.Authorization.ToString();
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, rawTarget, authorization, body));

        var isEvents = context.Request.Path == "/ari/events";
        if (authorization != ExpectedAuthorization)
        {
            if (isEvents)
            {
                Interlocked.Increment(ref _rejectedUpgrades);
            }
            await WriteAsync(context, 401, """{"message":"Authentication required"}""");
            return;
        }

        if (isEvents)
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                await WriteAsync(context, 400, """{"message":"WebSocket upgrade required"}""");
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            Interlocked.Increment(ref _acceptedUpgrades);
            var script = _sessions.TryDequeue(out var queued)
                ? queued
                : (ws, ctx) => IdleUntilClientLeavesAsync(ws, ctx.RequestAborted);
            await script(socket, context);
            return;
        }

        if (RestHandler is { } handler)
        {
            await handler(context);
            return;
        }

        if (_routes.TryGetValue($"{context.Request.Method} {rawTarget}", out var exchange))
        {
            if (exchange.Headers.TryGetValue("Location", out var location))
            {
                context.Response.Headers.Location = location;
            }
            await WriteAsync(context, exchange.Status, exchange.Body,
                exchange.Headers.TryGetValue("Content-type", out var type) ? type : null);
            return;
        }

        await WriteAsync(context, 404, """{"message":"Channel not found"}""");
    }

    private static string ExpectedAuthorization =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));

    public static async Task WriteAsync(HttpContext context, int status, string body, string? contentType = "application/json")
    {
        context.Response.StatusCode = status;
        if (body.Length > 0 && contentType is not null)
        {
            context.Response.ContentType = contentType;
        }
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
