using System.Net;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Asterisk.Ari;

/// <summary>Every ARI log line, source-generated. URLs logged here never hold credentials.</summary>
internal static partial class AriLog
{
    // REST (21xx)

    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug, Message = "ARI {Method} {Path} answered {Status} in {ElapsedMs} ms")]
    public static partial void RequestCompleted(ILogger logger, string method, string path, int status, long elapsedMs);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "ARI {Method} {Path} failed with {Status}: {AsteriskMessage}")]
    public static partial void RequestRefused(ILogger logger, string method, string path, HttpStatusCode status, string asteriskMessage);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "ARI {Method} {Path} could not reach Asterisk at {BaseUrl}: {Reason}")]
    public static partial void RequestUnreachable(ILogger logger, string method, string path, Uri baseUrl, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "ARI {Method} {Path} timed out after {TimeoutMs} ms")]
    public static partial void RequestTimedOut(ILogger logger, string method, string path, double timeoutMs);

    // Event stream (22xx)

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "ARI event stream {OldState} -> {NewState}")]
    public static partial void StateChanged(ILogger logger, AriConnectionState oldState, AriConnectionState newState);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "ARI event stream connected to {Url}")]
    public static partial void Connected(ILogger logger, Uri url);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "ARI event stream disconnected after {Messages} messages: {Reason}")]
    public static partial void Disconnected(ILogger logger, long messages, string reason);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "ARI event stream could not connect to {Url}: {Reason}; next attempt in {DelayMs} ms")]
    public static partial void ConnectFailed(ILogger logger, Uri url, string reason, long delayMs);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information, Message = "ARI event stream reconnecting in {DelayMs} ms (attempt {Attempt})")]
    public static partial void ReconnectScheduled(ILogger logger, long delayMs, int attempt);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "ARI event buffer full ({Capacity} items): dropping events until the consumer catches up")]
    public static partial void BufferFull(ILogger logger, int capacity);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Debug, Message = "ARI event stream dropped {Kind} {EventType}: buffer full ({Pending} lost since the last notice)")]
    public static partial void ItemDropped(ILogger logger, AriStreamItemKind kind, string eventType, long pending);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Warning, Message = "ARI event stream lost {LostEvents} items to a full buffer; consumer notified to resynchronise")]
    public static partial void LossNotified(ILogger logger, long lostEvents);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Warning, Message = "ARI message rejected ({Problem}): {Snippet}")]
    public static partial void MalformedMessage(ILogger logger, string problem, string snippet);

    [LoggerMessage(EventId = 2209, Level = LogLevel.Warning, Message = "ARI message of more than {MaxBytes} bytes skipped")]
    public static partial void OversizedMessage(ILogger logger, int maxBytes);

    [LoggerMessage(EventId = 2210, Level = LogLevel.Debug, Message = "ARI event {EventType} is not modelled; passed on raw")]
    public static partial void UnknownEvent(ILogger logger, string eventType);

    [LoggerMessage(EventId = 2211, Level = LogLevel.Error, Message = "ARI event stream session failed unexpectedly; reconnecting")]
    public static partial void SessionCrashed(ILogger logger, Exception exception);
}
