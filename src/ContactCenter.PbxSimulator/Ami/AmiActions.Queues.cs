using System.Globalization;
using ContactCenter.Asterisk.Ami;
using ContactCenter.PbxSimulator.Queues;

namespace ContactCenter.PbxSimulator.Ami;

internal sealed partial class AmiActions
{
    private void QueueAdd(AmiSession session, AmiFrame f, string? actionId)
    {
        var queueName = f.Get("Queue");
        var iface = f.Get("Interface");
        if (string.IsNullOrEmpty(queueName) || string.IsNullOrEmpty(iface))
        {
            Error(session, actionId, "'Queue' and 'Interface' not specified.");
            return;
        }
        var queue = _engine.Queues.Find(queueName);
        if (queue is null)
        {
            Error(session, actionId, "Unable to add interface to queue: No such queue");
            return;
        }
        if (queue.Member(iface) is not null)
        {
            Error(session, actionId, "Unable to add interface: Already there");
            return;
        }
        var penalty = int.TryParse(f.Get("Penalty"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var wrapup = int.TryParse(f.Get("Wrapuptime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : 0;
        Success(session, actionId, "Added interface to queue");
        _engine.Queues.Add(queueName, iface, NullIfEmpty(f.Get("MemberName")), NullIfEmpty(f.Get("StateInterface")), penalty,
            IsTrue(f.Get("Paused")), f.Get("Reason") ?? string.Empty, wrapup);
    }

    private void QueueRemove(AmiSession session, AmiFrame f, string? actionId)
    {
        var queueName = f.Get("Queue");
        var iface = f.Get("Interface");
        if (string.IsNullOrEmpty(queueName) || string.IsNullOrEmpty(iface))
        {
            Error(session, actionId, "Need 'Queue' and 'Interface' parameters.");
            return;
        }
        var queue = _engine.Queues.Find(queueName);
        if (queue is null)
        {
            Error(session, actionId, "Unable to remove interface from queue: No such queue");
            return;
        }
        var member = queue.Member(iface);
        if (member is null)
        {
            Error(session, actionId, "Unable to remove interface: Not there");
            return;
        }
        if (!member.Dynamic)
        {
            Error(session, actionId, "Unable to remove interface: Not dynamic");
            return;
        }
        Success(session, actionId, "Removed interface from queue");
        _engine.Queues.Remove(queueName, iface);
    }

    private void QueuePause(AmiSession session, AmiFrame f, string? actionId)
    {
        var iface = f.Get("Interface");
        var pausedText = f.Get("Paused");
        if (string.IsNullOrEmpty(iface) || string.IsNullOrEmpty(pausedText))
        {
            Error(session, actionId, "Need 'Interface' and 'Paused' parameters.");
            return;
        }
        var queueName = NullIfEmpty(f.Get("Queue"));
        var paused = IsTrue(pausedText);
        var exists = _engine.Queues.All.Any(q => (queueName is null || q.Name == queueName) && q.Member(iface) is not null);
        if (!exists)
        {
            Error(session, actionId, "Interface not found");
            return;
        }
        Success(session, actionId, paused ? "Interface paused successfully" : "Interface unpaused successfully");
        _engine.Queues.Pause(queueName, iface, paused, f.Get("Reason") ?? string.Empty);
    }

    private void QueuePenalty(AmiSession session, AmiFrame f, string? actionId)
    {
        var iface = f.Get("Interface");
        var penaltyText = f.Get("Penalty");
        if (string.IsNullOrEmpty(iface) || string.IsNullOrEmpty(penaltyText))
        {
            Error(session, actionId, "Need 'Interface' and 'Penalty' parameters.");
            return;
        }
        if (!int.TryParse(penaltyText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var penalty) || penalty < 0)
        {
            Error(session, actionId, "Invalid penalty");
            return;
        }
        var queueName = NullIfEmpty(f.Get("Queue"));
        if (!_engine.Queues.All.Any(q => (queueName is null || q.Name == queueName) && q.Member(iface) is not null))
        {
            Error(session, actionId, "Invalid interface, queuename or penalty");
            return;
        }
        Success(session, actionId, "Interface penalty set successfully");
        _engine.Queues.Penalty(queueName, iface, penalty);
    }

    /// <summary>QueueStatus: per queue a QueueParams item, its QueueMember items, then its QueueEntry items.</summary>
    private void QueueStatus(AmiSession session, AmiFrame f, string? actionId)
    {
        var queueName = NullIfEmpty(f.Get("Queue"));
        var memberFilter = NullIfEmpty(f.Get("Member"));
        ListStart(session, actionId, "Queue status will follow");
        var items = 0;
        var now = _engine.Clock.Now;
        foreach (var q in _engine.Queues.All.Where(q => queueName is null || q.Name == queueName))
        {
            _b.Reset();
            _b.Field("Event"u8, "QueueParams"u8).Field("Queue"u8, q.Name).Field("Max"u8, q.Definition.MaxLen).Field("Strategy"u8, q.Definition.StrategyName)
                .Field("Calls"u8, q.Callers.Count).Field("Holdtime"u8, q.HoldTime).Field("TalkTime"u8, q.TalkTime).Field("Completed"u8, q.Completed)
                .Field("Abandoned"u8, q.Abandoned).Field("ServiceLevel"u8, q.Definition.ServiceLevel).Field("ServicelevelPerf"u8, q.ServiceLevelPerf)
                .Field("ServicelevelPerf2"u8, q.ServiceLevelPerf2).Field("Weight"u8, q.Definition.Weight);
            ItemEnd(session, actionId);
            items++;
            foreach (var m in q.Members.Where(m => memberFilter is null || string.Equals(m.Interface, memberFilter, StringComparison.OrdinalIgnoreCase)))
            {
                _b.Reset();
                _b.Field("Event"u8, "QueueMember"u8).Field("Queue"u8, q.Name).Field("Name"u8, m.MemberName).Field("Location"u8, m.Interface)
                    .Field("StateInterface"u8, m.StateInterface).Field("Membership"u8, m.Dynamic ? "dynamic"u8 : "static"u8).Field("Penalty"u8, m.Penalty)
                    .Field("CallsTaken"u8, m.CallsTaken).Field("LastCall"u8, m.LastCall).Field("LastPause"u8, m.LastPause).Field("LoginTime"u8, m.LoginTime)
                    .Field("InCall"u8, m.InCall ? 1 : 0).Field("Status"u8, m.Status).Field("Paused"u8, m.Paused ? 1 : 0)
                    .Field("PausedReason"u8, m.PausedReason).Field("Wrapuptime"u8, m.WrapupTime);
                ItemEnd(session, actionId);
                items++;
            }
            if (memberFilter is not null)
            {
                continue;
            }
            foreach (var c in q.Callers)
            {
                _b.Reset();
                _b.Field("Event"u8, "QueueEntry"u8).Field("Queue"u8, q.Name).Field("Position"u8, c.Position).Field("Channel"u8, c.Caller.Name)
                    .Field("Uniqueid"u8, c.Caller.Uniqueid).FieldOrUnknown("CallerIDNum"u8, c.Caller.CallerNum).FieldOrUnknown("CallerIDName"u8, c.Caller.CallerName)
                    .FieldOrUnknown("ConnectedLineNum"u8, c.Caller.ConnectedNum).FieldOrUnknown("ConnectedLineName"u8, c.Caller.ConnectedName)
                    .Field("Wait"u8, Engine.PbxEngine.SecondsBetween(c.Joined, now)).Field("Priority"u8, 0);
                ItemEnd(session, actionId);
                items++;
            }
        }
        ListComplete(session, actionId, "QueueStatusComplete"u8, items);
    }

    private void QueueSummary(AmiSession session, AmiFrame f, string? actionId)
    {
        var queueName = NullIfEmpty(f.Get("Queue"));
        ListStart(session, actionId, "Queue summary will follow");
        var items = 0;
        var now = _engine.Clock.Now;
        foreach (var q in _engine.Queues.All.Where(q => queueName is null || q.Name == queueName))
        {
            var loggedIn = q.Members.Count(m => m.Status is not (4 or 5));
            var available = q.Members.Count(m => !m.Paused && m.Status == 1 && !m.InCall && !_engine.Queues.InWrapup(q, m));
            var longest = q.Callers.Count > 0 ? Engine.PbxEngine.SecondsBetween(q.Callers.Min(c => c.Joined), now) : 0;
            _b.Reset();
            _b.Field("Event"u8, "QueueSummary"u8).Field("Queue"u8, q.Name).Field("LoggedIn"u8, loggedIn).Field("Available"u8, available)
                .Field("Callers"u8, q.Callers.Count).Field("HoldTime"u8, q.HoldTime).Field("TalkTime"u8, q.TalkTime).Field("LongestHoldTime"u8, longest);
            ItemEnd(session, actionId);
            items++;
        }
        ListComplete(session, actionId, "QueueSummaryComplete"u8, items);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
