using Microsoft.Extensions.Logging;

namespace ContactCenter.PbxSimulator;

/// <summary>The simulator's log messages (source-generated).</summary>
internal static partial class SimLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Dialplan of {Channel} loops at {Context},{Exten},{Priority}: hung up after too many steps")]
    public static partial void DialplanLoop(ILogger logger, string channel, string context, string exten, int priority);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Source}:{Line}: {Error}; the channel is hung up")]
    public static partial void DialplanError(ILogger logger, string source, int line, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Stasis app '{App}' is not registered (no WebSocket connected): {Channel} continues with STASISSTATUS=FAILED")]
    public static partial void StasisAppNotRegistered(ILogger logger, string app, string channel);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "AMI session {Session} from {Remote} closed: {Reason}")]
    public static partial void AmiSessionClosed(ILogger logger, int session, string remote, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "AMI session {Session} read loop ended: {Reason}")]
    public static partial void AmiReadEnded(ILogger logger, int session, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "AMI session {Session} ({Remote}) stopped reading: a write took longer than writetimeout ({TimeoutMs} ms); disconnecting it as Asterisk does")]
    public static partial void AmiSlowReader(ILogger logger, int session, string remote, double timeoutMs);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "AMI session {Session} from {Remote} connected")]
    public static partial void AmiSessionOpened(ILogger logger, int session, string remote);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "AMI login of '{User}' on session {Session}: {Outcome}")]
    public static partial void AmiLogin(ILogger logger, string user, int session, string outcome);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "AMI action {Action} (ActionID {ActionId}) on session {Session}")]
    public static partial void AmiAction(ILogger logger, string action, string actionId, int session);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "AMI session {Session} sent a malformed frame ({Reason}): answered 'Missing action in request'")]
    public static partial void AmiMalformedAction(ILogger logger, int session, string reason);

    [LoggerMessage(EventId = 17, Level = LogLevel.Error, Message = "AMI accept loop failed")]
    public static partial void AmiAcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "ARI {Method} {Path} -> {Status}")]
    public static partial void AriRequest(ILogger logger, string method, string path, int status);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "ARI {Method} {Path} refused: wrong or missing credentials (401)")]
    public static partial void AriUnauthorized(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "ARI event WebSocket connected for application(s) {Applications}")]
    public static partial void AriWebSocketOpened(ILogger logger, string applications);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "ARI event WebSocket of {Applications} closed")]
    public static partial void AriWebSocketClosed(ILogger logger, string applications);
}
