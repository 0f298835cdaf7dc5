using Microsoft.Extensions.Logging;

namespace ContactCenter.Asterisk.Ami;

/// <summary>Log messages of the AMI client. Secrets never appear: actions are logged through their masked ToString.</summary>
internal static partial class AmiLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "AMI {Endpoint}: {From} -> {To} ({Detail})")]
    public static partial void StateChanged(ILogger logger, string endpoint, AmiConnectionState from, AmiConnectionState to, string detail);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "AMI {Endpoint}: session failed: {Reason}")]
    public static partial void SessionFailed(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "AMI {Endpoint}: reconnecting in {DelayMs:0} ms (attempt {Attempt})")]
    public static partial void ReconnectScheduled(ILogger logger, string endpoint, double delayMs, int attempt);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "AMI {Endpoint}: login of user {Username} refused: {AsteriskMessage}")]
    public static partial void LoginRefused(ILogger logger, string endpoint, string username, string asteriskMessage);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "AMI {Endpoint}: nothing received for {SilentSeconds:0.#} s; dropping the connection")]
    public static partial void SilenceTimeout(ILogger logger, string endpoint, double silentSeconds);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "AMI {Endpoint}: ping failed: {Reason}")]
    public static partial void PingFailed(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "AMI {Endpoint}: logoff failed: {Reason}")]
    public static partial void LogoffFailed(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "AMI {Endpoint}: protocol error, closing the connection: {Reason}")]
    public static partial void ProtocolError(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "AMI {Endpoint}: malformed frame dropped ({Reason}): {Line}")]
    public static partial void MalformedFrame(ILogger logger, string endpoint, string reason, string line);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "AMI {Endpoint}: response for unknown ActionID {ActionId} ignored (late after a timeout?): {AsteriskMessage}")]
    public static partial void UnmatchedResponse(ILogger logger, string endpoint, string actionId, string asteriskMessage);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "AMI send {Action} {ActionId}: {Text}")]
    public static partial void ActionSent(ILogger logger, string action, string actionId, AmiAction text);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "AMI event buffer full ({Capacity} events): the consumer is behind, events are being dropped and a resync will be requested")]
    public static partial void EventOverflowStarted(ILogger logger, int capacity);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "AMI event buffer overflow over: {Lost} events dropped (capacity {Capacity}); resync requested")]
    public static partial void EventOverflowEnded(ILogger logger, long lost, int capacity);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "AMI notice {Kind} could not be queued (consumer stopped reading): {Detail}")]
    public static partial void NoticeDropped(ILogger logger, AmiStreamItemKind kind, string detail);
}
