using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Asterisk;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Commands;
using ContactCenter.Contracts.Queues;
using MassTransit;

namespace ContactCenter.Worker.Demo;

/// <summary>Prints each event of the demo as one readable line, as a supervisor screen would show it.</summary>
internal sealed partial class DemoEventPrinter<T>(ILogger<DemoEventPrinter<T>> logger) : IConsumer<T> where T : class, IContactCenterEvent
{
    public Task Consume(ConsumeContext<T> context)
    {
        Log.Event(logger, context.Message.OccurredAt.ToLocalTime().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            typeof(T).Name, Describe(context.Message));
        return Task.CompletedTask;
    }

    private static string Describe(IContactCenterEvent e) => e switch
    {
        CallStarted c => $"{c.Direction} call {c.Linkedid} from {c.CallerIdNum} to {c.DialedExtension}",
        CallQueued c => $"call {c.Linkedid} waits in {c.Queue} at position {c.Position}",
        CallOffered c => $"call {c.Linkedid} rings agent {c.MemberName} ({c.Interface})",
        CallAnswered c => $"call {c.Linkedid} answered by {c.MemberName ?? c.AnsweredBy} after {c.WaitSeconds ?? 0} s",
        CallAbandoned c => $"call {c.Linkedid} abandoned in {c.Queue} after {c.WaitSeconds} s",
        CallMissed c => $"call {c.Linkedid} missed: {c.Reason}",
        CallEnded c => $"call {c.Linkedid} ended ({c.HungUpBy} hung up, {c.DurationSeconds} s, talked {c.TalkSeconds} s)",
        RecordingStarted c => $"recording {c.FileName}",
        RecordingStopped c => $"recorded {c.FileName} ({c.DurationSeconds} s)",
        FeatureCodeDialed f => $"{f.Extension} dialled {f.Code}",
        FeatureCodeRefused f => $"{f.Code} from {f.Extension} refused: {f.Reason} ({f.Detail})",
        AgentLoggedIn a => $"agent {a.AgentNumber} {a.AgentName} logged in at {a.Extension} to {string.Join(", ", a.Queues)}",
        AgentLoggedOut a => $"agent {a.AgentNumber} logged out ({a.Reason})",
        AgentPaused a => $"agent {a.AgentNumber} paused: {a.PauseName}",
        AgentUnpaused a => $"agent {a.AgentNumber} unpaused",
        AgentStateChanged a => $"agent {a.AgentNumber}: {a.PreviousState} -> {a.State}",
        QueueMemberAdded q => $"{q.Member.Interface} joined {q.Member.Queue}",
        QueueMemberRemoved q => $"{q.Member.Interface} left {q.Member.Queue}",
        QueueMemberPaused q => $"{q.Member.Interface} paused in {q.Member.Queue} ({q.Reason})",
        QueueMemberUnpaused q => $"{q.Member.Interface} unpaused in {q.Member.Queue}",
        QueueMemberStatusChanged q => $"{q.Member.Interface} in {q.Member.Queue}: device {DeviceStatus(q.Member.Status)}",
        AsteriskConnected a => $"{a.Interface} connected to {a.Server}: {a.Detail}",
        AsteriskDisconnected a => $"{a.Interface} lost {a.Server}: {a.Reason}",
        AsteriskResynchronized a => $"{a.Server} resynchronised ({a.Trigger}): {a.CallsEnded.Count} calls ended, {a.CallsLearned.Count} learned",
        QueueMembershipSnapshot q => $"{q.Server}: {q.Members.Count} members in {q.Queues.Count} queues",
        CommandCompleted c => $"{c.Command} {c.Outcome} {c.Detail}",
        _ => e.GetType().Name,
    };

    // AMI QueueMemberStatus Status values (app_queue: AST_DEVICE_*).
    private static string DeviceStatus(int status) => status switch
    {
        1 => "not in use",
        2 => "in use",
        3 => "busy",
        4 => "invalid",
        5 => "unavailable",
        6 => "ringing",
        7 => "in use and ringing",
        8 => "on hold",
        _ => "unknown",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 910, Level = LogLevel.Information, Message = "[demo] {Time} {Event}: {What}")]
        public static partial void Event(ILogger logger, string time, string @event, string what);
    }
}
