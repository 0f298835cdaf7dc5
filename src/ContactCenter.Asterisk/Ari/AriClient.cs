using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Asterisk.Ari;

/// <summary>
/// The ARI REST API (channels, playbacks, bridges, applications). Thread-safe; one instance per
/// Asterisk server. Credentials go in an <c>Authorization: Basic</c> header on every request. Nothing is
/// retried: an originate retried after a timeout would ring a customer twice, so failures surface as
/// <see cref="AriHttpException"/>, <see cref="AriConnectionException"/>, <see cref="AriTimeoutException"/>
/// or <see cref="AriProtocolException"/>, and cancellation of the caller's token as
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed partial class AriClient : IDisposable
{
    private const int MaxErrorMessageChars = 300;

    private readonly AriClientOptions _options;
    private readonly Uri _baseUrl;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ILogger _logger;

    /// <summary>Creates a client for the Asterisk described by <paramref name="options"/>.</summary>
    /// <param name="options">Validated on construction.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="httpClient">
    /// An <see cref="HttpClient"/> to use (e.g. from <c>IHttpClientFactory</c>); it is not modified and
    /// not disposed. When null the client creates and owns one. The per-request deadline is
    /// <see cref="AriClientOptions.RequestTimeout"/> in both cases.
    /// </param>
    public AriClient(AriClientOptions options, ILogger<AriClient>? logger = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _baseUrl = options.NormalizedBaseUrl;
        _authorization = BasicAuthorization(options);
        _logger = logger ?? NullLogger<AriClient>.Instance;
        if (httpClient is null)
        {
            var handler = new SocketsHttpHandler
            {
                ConnectTimeout = options.RequestTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            };
            _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            _ownsHttp = true;
        }
        else
        {
            _http = httpClient;
        }
    }

    /// <summary>Disposes the <see cref="HttpClient"/> if the client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal static AuthenticationHeaderValue BasicAuthorization(AriClientOptions options) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));

    private async Task SendAsync(HttpMethod method, AriPath path, CancellationToken cancellationToken, HttpContent? content = null)
    {
        using var response = await ExchangeAsync(method, path, content, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, AriPath path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken, HttpContent? content = null)
    {
        using var response = await ExchangeAsync(method, path, content, cancellationToken);
        var where = $"ARI {method.Method} {response.RequestMessage?.RequestUri?.AbsolutePath ?? path.PathOnly}";
        try
        {
            var value = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken);
            return value ?? throw new AriProtocolException($"{where} answered {(int)response.StatusCode} with a null body where {typeof(T).Name} was expected");
        }
        catch (JsonException ex)
        {
            throw new AriProtocolException($"{where} answered {(int)response.StatusCode} with a body that is not {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Sends one request under the request deadline; returns only a success response (body buffered).</summary>
    private async Task<HttpResponseMessage> ExchangeAsync(HttpMethod method, AriPath path, HttpContent? content, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUrl, path.ToString());
        var logPath = uri.AbsolutePath;
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = _authorization;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RequestTimeout);
        var started = Stopwatch.GetTimestamp();

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            AriLog.RequestTimedOut(_logger, method.Method, logPath, _options.RequestTimeout.TotalMilliseconds);
            throw new AriTimeoutException(method.Method, logPath, _options.RequestTimeout, ex);
        }
        catch (HttpRequestException ex)
        {
            var reason = Innermost(ex).Message;
            AriLog.RequestUnreachable(_logger, method.Method, logPath, _baseUrl, reason);
            var what = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError
                ? $"Asterisk is unreachable at {_baseUrl}"
                : $"The HTTP exchange with Asterisk at {_baseUrl} failed";
            throw new AriConnectionException($"{what} ({method.Method} {logPath}): {reason}", _baseUrl, ex);
        }

        AriLog.RequestCompleted(_logger, method.Method, logPath, (int)response.StatusCode,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var message = await ReadErrorMessageAsync(response.Content, cancellationToken);
            AriLog.RequestRefused(_logger, method.Method, logPath, response.StatusCode, message);
            throw new AriHttpException(method.Method, logPath, response.StatusCode, message);
        }
    }

    /// <summary>Asterisk's <c>message</c> from a JSON error body, or the start of a body that is not JSON.</summary>
    private static async Task<string> ReadErrorMessageAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var body = (await content.ReadAsStringAsync(cancellationToken)).Trim();
        if (body.StartsWith('{'))
        {
            try
            {
                var error = JsonSerializer.Deserialize(body, AriJsonContext.Default.AriErrorBody);
                var said = error?.Message ?? error?.Error;
                if (said is not null)
                {
                    return said;
                }
            }
            catch (JsonException)
            {
                // Not ARI's error shape: fall through and keep the text.
            }
        }
        return body.Length <= MaxErrorMessageChars ? body : string.Concat(body.AsSpan(0, MaxErrorMessageChars), "…");
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
