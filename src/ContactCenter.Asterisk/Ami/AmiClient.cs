using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// A connection to one Asterisk's manager interface that stays up: it connects, logs in (plain or MD5
/// challenge), pings when the line is quiet, drops a silent socket, and reconnects forever with backoff
/// and jitter. Events and connection notices come out of <see cref="Events"/> in arrival order; actions go
/// through <see cref="SendActionAsync(AmiAction, CancellationToken)"/> on a separate path, so a slow event
/// consumer never delays a response.
/// </summary>
public sealed partial class AmiClient : IAsyncDisposable
{
    private readonly AmiClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly AmiEventBuffer _events;
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _actionIdPrefix = $"cc{Environment.ProcessId % 10000}";
    private long _nextActionId;
    private AmiConnection? _connection;
    private AmiConnectionState _state = AmiConnectionState.Stopped;
    private TaskCompletionSource _connected = NewSignal();
    private Task? _run;
    private long _sessions;

    public AmiClient(AmiClientOptions options, ILogger<AmiClient> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _events = new AmiEventBuffer(options.EventBufferCapacity, logger);
    }

    /// <summary>Events and connection notices, in arrival order.</summary>
    public ChannelReader<AmiStreamItem> Events => _events.Reader;

    /// <summary>
    /// The connection state. Connected as soon as Asterisk accepted the login, which is also when the
    /// <see cref="AmiStreamItemKind.Connected"/> notice is queued, so a consumer never sees the notice first.
    /// </summary>
    public AmiConnectionState State => _connection is { IsLoggedIn: true } ? AmiConnectionState.Connected : _state;

    /// <summary><c>host:port</c> of the manager interface.</summary>
    public string Endpoint => $"{_options.Host}:{_options.Port}";

    /// <summary>The banner of the current session, e.g. <c>Asterisk Call Manager/11.0.0</c>.</summary>
    public string? Banner => _connection?.Banner;

    /// <summary>Events read off the socket since start (delivered or dropped).</summary>
    public long EventsReceived => _events.Received;

    /// <summary>Events dropped because the consumer fell behind by more than the buffer.</summary>
    public long EventsDropped => _events.Dropped;

    /// <summary>Events waiting in the buffer now.</summary>
    public int EventsBuffered => _events.Buffered;

    /// <summary>How many sessions reached the logged-in state since start.</summary>
    public long Sessions => Interlocked.Read(ref _sessions);

    /// <summary>Starts the connect/reconnect loop in the background; stop it with <see cref="DisposeAsync"/>.</summary>
    public void Start()
    {
        if (_run is not null)
        {
            throw new InvalidOperationException("The AMI client is already started");
        }
        _run = RunAsync(_stopping.Token);
    }

    /// <summary>Completes when a session is logged in (immediately if one is).</summary>
    public Task WaitUntilConnectedAsync(CancellationToken ct) => Volatile.Read(ref _connected).Task.WaitAsync(ct);

    /// <summary>Sends an action with the default timeout.</summary>
    public Task<AmiResponse> SendActionAsync(AmiAction action, CancellationToken ct = default) =>
        SendActionAsync(action, _options.ActionTimeout, ct);

    /// <summary>
    /// Sends an action and returns Asterisk's response (with its list for list actions).
    /// </summary>
    /// <exception cref="AmiActionException">Asterisk answered <c>Response: Error</c>.</exception>
    /// <exception cref="AmiConnectionException">Not connected (fails fast), or the connection dropped while waiting.</exception>
    /// <exception cref="AmiTimeoutException">No response within <paramref name="timeout"/>.</exception>
    public Task<AmiResponse> SendActionAsync(AmiAction action, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        var connection = _connection;
        if (connection is null || !connection.IsLoggedIn)
        {
            return Task.FromException<AmiResponse>(new AmiConnectionException(
                $"AMI action {action.Name} not sent: not connected to Asterisk at {Endpoint} (state {_state})", _state));
        }
        return connection.SendAsync(action, action.ActionId ?? NextActionId(), timeout, isLogin: false, ct);
    }

    /// <summary>Drops the current session as if the network failed; the client reconnects. For fault handling and tests.</summary>
    public void DropConnection(string reason) => _connection?.Abort(reason);

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }
        if (_run is not null)
        {
            await _run;
        }
        _events.Complete();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var backoff = new ReconnectBackoff(_options.ReconnectInitialDelay, _options.ReconnectMaxDelay);
        while (!ct.IsCancellationRequested)
        {
            SetState(AmiConnectionState.Connecting, "connecting");
            AmiConnection? connection = null;
            var reachedLogin = false;
            string reason;
            try
            {
                connection = await AmiConnection.OpenAsync(_options, _logger, _time, _events, ct);
                _connection = connection;
                SetState(AmiConnectionState.LoggingIn, connection.Banner);
                await LoginAsync(connection, ct);
                reachedLogin = true;
                Interlocked.Increment(ref _sessions);
                SetState(AmiConnectionState.Connected, connection.Banner);
                backoff.Reset();
                Volatile.Read(ref _connected).TrySetResult();
                reason = await KeepAliveAsync(connection, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                reason = "client stopped";
            }
            catch (AmiException ex)
            {
                reason = ex.Message;
                AmiLog.SessionFailed(_logger, Endpoint, ex.Message);
            }
            finally
            {
                if (connection is not null)
                {
                    if (ct.IsCancellationRequested && connection.IsLoggedIn)
                    {
                        await LogoffAsync(connection);
                    }
                    _connection = null;
                    Interlocked.Exchange(ref _connected, NewSignal());
                    await connection.DisposeAsync();
                }
            }

            if (reachedLogin)
            {
                _events.Notice(AmiStreamItemKind.Disconnected, reason);
            }
            if (ct.IsCancellationRequested)
            {
                break;
            }
            var delay = backoff.Next();
            SetState(AmiConnectionState.Reconnecting, reason);
            AmiLog.ReconnectScheduled(_logger, Endpoint, delay.TotalMilliseconds, backoff.Attempt);
            try
            {
                await Task.Delay(delay, _time, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        SetState(AmiConnectionState.Stopped, "stopped");
    }

    /// <summary>Pings when the line is quiet and drops it when silent too long; returns why the session ended.</summary>
    private async Task<string> KeepAliveAsync(AmiConnection connection, CancellationToken ct)
    {
        var tick = TimeSpan.FromTicks(Math.Max(_options.PingInterval.Ticks / 4, TimeSpan.TicksPerMillisecond));
        while (true)
        {
            var ended = await Task.WhenAny(connection.ReadLoop, Task.Delay(tick, _time, ct));
            if (ended == connection.ReadLoop)
            {
                return await connection.ReadLoop;
            }
            ct.ThrowIfCancellationRequested();
            var silent = connection.SilentFor;
            if (silent >= _options.SilenceTimeout)
            {
                var reason = $"no data from Asterisk for {silent.TotalSeconds:0.#} s (silence timeout {_options.SilenceTimeout.TotalSeconds:0.#} s)";
                AmiLog.SilenceTimeout(_logger, Endpoint, silent.TotalSeconds);
                connection.Abort(reason);
                return await connection.ReadLoop;
            }
            if (silent >= _options.PingInterval)
            {
                await PingAsync(connection, ct);
            }
        }
    }

    private async Task PingAsync(AmiConnection connection, CancellationToken ct)
    {
        try
        {
            await connection.SendAsync(new AmiAction("Ping"), NextActionId(), _options.SilenceTimeout, isLogin: false, ct);
        }
        catch (AmiException ex)
        {
            // The silence check decides whether the session is dead; a failed ping is only a hint.
            AmiLog.PingFailed(_logger, Endpoint, ex.Message);
        }
    }

    private async Task LoginAsync(AmiConnection connection, CancellationToken ct)
    {
        var login = new AmiAction("Login").Add("Username", _options.Username);
        if (_options.UseMd5Challenge)
        {
            var challenge = await connection.SendAsync(new AmiAction("Challenge").Add("AuthType", "MD5"), NextActionId(), _options.ActionTimeout, isLogin: false, ct);
            var nonce = challenge["Challenge"] ?? throw new AmiProtocolException($"Asterisk at {Endpoint} answered Challenge without a Challenge header");
            login.Add("AuthType", "MD5").Add("Key", Md5Key(nonce, _options.Secret));
        }
        else
        {
            login.Add("Secret", _options.Secret);
        }
        login.Add("Events", _options.EventMask);
        try
        {
            await connection.SendAsync(login, NextActionId(), _options.ActionTimeout, isLogin: true, ct);
        }
        catch (AmiActionException ex)
        {
            AmiLog.LoginRefused(_logger, Endpoint, _options.Username, ex.AsteriskMessage);
            throw new AmiConnectionException(
                $"Asterisk at {Endpoint} refused the AMI login of user '{_options.Username}': {ex.AsteriskMessage}", AmiConnectionState.LoggingIn, ex);
        }
    }

    private async Task LogoffAsync(AmiConnection connection)
    {
        try
        {
            await connection.SendAsync(new AmiAction("Logoff"), NextActionId(), TimeSpan.FromSeconds(1), isLogin: false, CancellationToken.None);
        }
        catch (AmiException ex)
        {
            AmiLog.LogoffFailed(_logger, Endpoint, ex.Message);
        }
    }

    private static string Md5Key(string challenge, string secret)
    {
#pragma warning disable CA5351 // AMI's challenge login is defined with MD5; it only avoids sending the secret in clear.
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(challenge + secret));
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }

    private string NextActionId() => $"{_actionIdPrefix}-{Interlocked.Increment(ref _nextActionId)}";

    private void SetState(AmiConnectionState state, string detail)
    {
        var previous = _state;
        if (previous == state)
        {
            return;
        }
        _state = state;
        AmiLog.StateChanged(_logger, Endpoint, previous, state, detail);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
