using ContactCenter.Asterisk.Ami;
using ContactCenter.PbxSimulator.Engine;
using Microsoft.Extensions.Logging;

namespace ContactCenter.PbxSimulator.Ami;

/// <summary>
/// Runs AMI actions against the engine and answers them with Asterisk 22's wording. Every action runs
/// under the engine lock; its response goes into the log before the events it causes, as in the traces
/// (QueueAdd: the response, then QueueMemberAdded). Split by concern: session actions, queue actions,
/// channel actions.
/// </summary>
internal sealed partial class AmiActions
{
    private readonly PbxEngine _engine;
    private readonly AmiServer _server;
    private readonly ILogger _logger;
    private readonly AmiFrameBuilder _b = new();
    private readonly EventClass _userRead;
    private readonly EventClass _userWrite;

    public AmiActions(PbxEngine engine, AmiServer server, ILogger logger)
    {
        _engine = engine;
        _server = server;
        _logger = logger;
        _userRead = EventClasses.ParseList(engine.Options.ReadClasses);
        _userWrite = EventClasses.ParseList(engine.Options.WriteClasses);
    }

    private long _handled;

    /// <summary>Fault injection: actions are executed (and answered) this much later, in simulated time.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Actions read so far (handled, or scheduled when responses are delayed).</summary>
    public long Handled => Interlocked.Read(ref _handled);

    public void Handle(AmiSession session, AmiFrame frame)
    {
        var delay = ResponseDelay;
        if (delay > TimeSpan.Zero)
        {
            var copy = frame.Clone();
            _engine.Clock.Schedule(delay, () => HandleNow(session, copy), "delayed AMI action");
            Interlocked.Increment(ref _handled);
            return;
        }
        _engine.Run(() => HandleNow(session, frame));
        Interlocked.Increment(ref _handled);
    }

    private void HandleNow(AmiSession session, AmiFrame frame)
    {
        var actionId = frame.ActionId;
        var action = frame.Get("Action");
        if (frame.MalformedReason is not null || string.IsNullOrEmpty(action))
        {
            SimLog.AmiMalformedAction(_logger, session.Id, frame.MalformedReason ?? "no Action header");
            Error(session, actionId, "Missing action in request");
            return;
        }
        SimLog.AmiAction(_logger, action, actionId ?? string.Empty, session.Id);
        var name = action.ToLowerInvariant();
        if (!session.IsLoggedIn && name is not ("login" or "challenge" or "logoff"))
        {
            Error(session, actionId, "Permission denied");
            return;
        }
        if (!Actions.TryGetValue(name, out var handler))
        {
            Error(session, actionId, $"Invalid/unknown command: {action}. Use Action: ListCommands to show available commands.");
            _engine.Ami.RequestBadFormat(session.Username, session.SessionId, session.LocalAddress, session.RemoteAddress, session.ConnectedAt, action);
            return;
        }
        if (handler.Required != EventClass.None && (handler.Required & _userWrite) == 0)
        {
            Error(session, actionId, "Permission denied");
            return;
        }
        handler.Run(this, session, frame, actionId);
    }

    private static readonly Dictionary<string, (EventClass Required, Action<AmiActions, AmiSession, AmiFrame, string?> Run)> Actions = new()
    {
        ["login"] = (EventClass.None, (a, s, f, id) => a.Login(s, f, id)),
        ["challenge"] = (EventClass.None, (a, s, f, id) => a.ChallengeAction(s, f, id)),
        ["logoff"] = (EventClass.None, (a, s, _, id) => a.Logoff(s, id)),
        ["ping"] = (EventClass.None, (a, s, _, id) => a.Ping(s, id)),
        ["events"] = (EventClass.None, (a, s, f, id) => a.Events(s, f, id)),
        ["coresettings"] = (EventClass.System | EventClass.Reporting, (a, s, _, id) => a.CoreSettings(s, id)),
        ["command"] = (EventClass.Command, (a, s, f, id) => a.Command(s, f, id)),
        ["queueadd"] = (EventClass.Agent, (a, s, f, id) => a.QueueAdd(s, f, id)),
        ["queueremove"] = (EventClass.Agent, (a, s, f, id) => a.QueueRemove(s, f, id)),
        ["queuepause"] = (EventClass.Agent, (a, s, f, id) => a.QueuePause(s, f, id)),
        ["queuepenalty"] = (EventClass.Agent, (a, s, f, id) => a.QueuePenalty(s, f, id)),
        ["queuestatus"] = (EventClass.None, (a, s, f, id) => a.QueueStatus(s, f, id)),
        ["queuesummary"] = (EventClass.None, (a, s, f, id) => a.QueueSummary(s, f, id)),
        ["coreshowchannels"] = (EventClass.System | EventClass.Reporting, (a, s, _, id) => a.CoreShowChannels(s, id)),
        ["originate"] = (EventClass.Originate, (a, s, f, id) => a.Originate(s, f, id)),
        ["hangup"] = (EventClass.System | EventClass.Call, (a, s, f, id) => a.Hangup(s, f, id)),
        ["redirect"] = (EventClass.Call, (a, s, f, id) => a.Redirect(s, f, id)),
        ["getvar"] = (EventClass.Call | EventClass.Reporting, (a, s, f, id) => a.Getvar(s, f, id)),
        ["setvar"] = (EventClass.Call, (a, s, f, id) => a.Setvar(s, f, id)),
        ["mixmonitor"] = (EventClass.System, (a, s, f, id) => a.MixMonitor(s, f, id)),
        ["stopmixmonitor"] = (EventClass.System | EventClass.Call, (a, s, f, id) => a.StopMixMonitor(s, f, id)),
    };

    private void Success(AmiSession session, string? actionId, string? message, LogEntryFlags flags = LogEntryFlags.None)
    {
        var b = _b.Response("Success"u8, actionId);
        if (message is not null)
        {
            b.Field("Message"u8, message);
        }
        Send(session, b, flags);
    }

    private void Error(AmiSession session, string? actionId, string message, LogEntryFlags flags = LogEntryFlags.None) =>
        Send(session, _b.Response("Error"u8, actionId).Field("Message"u8, message), flags);

    private void Send(AmiSession session, AmiFrameBuilder b, LogEntryFlags flags = LogEntryFlags.None) =>
        _engine.Ami.ToSession(session.Id, b.End(), flags);

    /// <summary>Starts a list response (<c>EventList: start</c>).</summary>
    private void ListStart(AmiSession session, string? actionId, string message) =>
        Send(session, _b.Response("Success"u8, actionId).Field("EventList"u8, "start"u8).Field("Message"u8, message));

    /// <summary>Ends a list: <c>…Complete</c> with ActionID, <c>EventList: Complete</c> and <c>ListItems</c>.</summary>
    private void ListComplete(AmiSession session, string? actionId, ReadOnlySpan<byte> eventName, int items)
    {
        _b.Reset();
        _b.Field("Event"u8, eventName);
        if (actionId is not null)
        {
            _b.Field("ActionID"u8, actionId);
        }
        Send(session, _b.Field("EventList"u8, "Complete"u8).Field("ListItems"u8, items));
    }

    /// <summary>Appends the list item's ActionID (last, as Asterisk writes it) and sends it.</summary>
    private void ItemEnd(AmiSession session, string? actionId)
    {
        if (actionId is not null)
        {
            _b.Field("ActionID"u8, actionId);
        }
        Send(session, _b);
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("on", StringComparison.OrdinalIgnoreCase));
}
