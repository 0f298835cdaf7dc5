using System.Globalization;

namespace ContactCenter.PbxSimulator.Ami;

internal sealed partial class AmiEmitter
{
    /// <summary><c>Shutdown</c> (restart), then a marker that makes every session close once it has written it.</summary>
    public void Shutdown(bool restart)
    {
        Commit(Start("Shutdown"u8, EventClass.System).Field("Shutdown"u8, "Cleanly"u8).Field("Restart"u8, restart ? "True"u8 : "False"u8), EventClass.System);
        Log.Append([], EventClass.None, target: 0, LogEntryFlags.CloseAll);
    }

    public void OriginateResponse(string? actionId, bool success, string channel, string? context, string? exten, string? application, string? data,
        int reason, string uniqueid, string callerNum, string callerName)
    {
        var b = Start("OriginateResponse"u8, EventClass.Call);
        if (actionId is not null)
        {
            b.Field("ActionID"u8, actionId);
        }
        b.Field("Response"u8, success ? "Success"u8 : "Failure"u8).Field("Channel"u8, channel);
        if (application is not null)
        {
            b.Field("Application"u8, application).Field("Data"u8, data ?? string.Empty);
        }
        else
        {
            b.Field("Context"u8, context ?? string.Empty).Field("Exten"u8, exten ?? string.Empty);
        }
        b.Field("Reason"u8, reason).Field("Uniqueid"u8, uniqueid).FieldOrUnknown("CallerIDNum"u8, callerNum).FieldOrUnknown("CallerIDName"u8, callerName);
        Commit(b, EventClass.Call);
    }

    /// <summary>The security event Asterisk raises for an accepted AMI login (only sessions reading <c>security</c> see it).</summary>
    public void SuccessfulAuth(string user, string sessionId, string local, string remote, DateTimeOffset sessionStart)
    {
        var now = clock.Now;
        Commit(Start("SuccessfulAuth"u8, EventClass.Security).Field("EventTV"u8, EventTv(now)).Field("Severity"u8, "Informational"u8)
            .Field("Service"u8, "AMI"u8).Field("EventVersion"u8, "1"u8).Field("AccountID"u8, user).Field("SessionID"u8, sessionId)
            .Field("LocalAddress"u8, local).Field("RemoteAddress"u8, remote).Field("UsingPassword"u8, "0"u8)
            .Field("SessionTV"u8, EventTv(sessionStart)), EventClass.Security);
    }

    public void RequestBadFormat(string user, string sessionId, string local, string remote, DateTimeOffset sessionStart, string action)
    {
        Commit(Start("RequestBadFormat"u8, EventClass.Security).Field("EventTV"u8, EventTv(clock.Now)).Field("Severity"u8, "Error"u8)
            .Field("Service"u8, "AMI"u8).Field("EventVersion"u8, "1"u8).Field("SessionID"u8, sessionId).Field("LocalAddress"u8, local)
            .Field("RemoteAddress"u8, remote).Field("RequestType"u8, "Action: " + action).Field("SessionTV"u8, EventTv(sessionStart))
            .Field("AccountID"u8, user), EventClass.Security);
    }

    public void Cdr(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var b = Start("Cdr"u8, EventClass.Cdr);
        foreach (var (key, value) in fields)
        {
            b.Field(System.Text.Encoding.ASCII.GetBytes(key), value);
        }
        Commit(b, EventClass.Cdr);
    }

    /// <summary>A frame for one session only (responses, list items, the FullyBooted after Login).</summary>
    public void ToSession(int sessionId, ReadOnlySpan<byte> frame, LogEntryFlags flags = LogEntryFlags.None) =>
        Log.Append(frame, EventClass.All, sessionId, flags);

    internal static string EventTv(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";
}
