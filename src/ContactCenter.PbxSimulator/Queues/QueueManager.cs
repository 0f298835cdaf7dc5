using System.Globalization;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Dialplan;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.PbxSimulator.Queues;

/// <summary>
/// app_queue: the queues of queues.conf, their members and waiting callers. Callers are offered to free
/// members whenever something changes (a caller joins, a member is added, unpaused or becomes idle, a
/// wrap-up ends, a retry elapses); ringing, answering and abandoning are handled by <see cref="QueueCall"/>.
/// </summary>
internal sealed partial class QueueManager
{
    private readonly PbxEngine _engine;
    private readonly Dictionary<string, SimQueue> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastCallEnded = new(StringComparer.OrdinalIgnoreCase);
    private long _memberOrder;

    public QueueManager(PbxEngine engine, QueuesConfig config)
    {
        _engine = engine;
        Config = config;
        foreach (var definition in config.Queues)
        {
            _queues[definition.Name] = new SimQueue(definition);
        }
    }

    public QueuesConfig Config { get; }

    public IEnumerable<SimQueue> All => _queues.Values;

    public SimQueue? Find(string name) => _queues.GetValueOrDefault(name);

    internal PbxEngine Engine => _engine;

    public void LoadStaticMembers()
    {
        foreach (var queue in _queues.Values)
        {
            foreach (var s in queue.Definition.StaticMembers)
            {
                queue.Members.Add(NewMember(queue, s.Interface, s.MemberName, s.StateInterface, s.Penalty, dynamic: false, paused: false, reason: string.Empty));
            }
        }
    }

    /// <summary>Queue(name[,options[,URL[,announceoverride[,timeout]]]]).</summary>
    public AppResult Exec(SimChannel ch, string data)
    {
        var args = VariableExpander.SplitArgs(data);
        var name = args.Count > 0 ? args[0] : string.Empty;
        var options = args.Count > 1 ? args[1] : string.Empty;
        foreach (var option in options)
        {
            if (option is not ('c' or 'n' or 'r' or 't' or 'T' or 'x' or 'X' or 'h' or 'H' or 'i' or 'I' or 'C'))
            {
                throw new DialplanRuntimeException($"Queue option '{option}' is not implemented by the simulator");
            }
        }
        var timeout = args.Count > 4 && int.TryParse(args[4], NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? TimeSpan.FromSeconds(t) : (TimeSpan?)null;
        foreach (var variable in (string[])["ANSWEREDTIME", "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "QUEUEWAIT", "QUEUEWAIT_MS"])
        {
            _engine.SetVar(ch, variable, string.Empty);
        }
        if (Find(name) is not { } queue)
        {
            _engine.SetVar(ch, "QUEUESTATUS", "UNKNOWN");
            return AppResult.Next;
        }
        if (queue.Definition.MaxLen > 0 && queue.Callers.Count >= queue.Definition.MaxLen)
        {
            _engine.SetVar(ch, "QUEUESTATUS", "FULL");
            return AppResult.Next;
        }
        if (IsEmpty(queue, queue.Definition.JoinEmpty))
        {
            _engine.SetVar(ch, "QUEUESTATUS", "JOINEMPTY");
            return AppResult.Next;
        }
        var call = new QueueCall(this, queue, ch, options.Contains('c', StringComparison.Ordinal), options.Contains('n', StringComparison.Ordinal));
        call.Join(timeout);
        return AppResult.Suspended;
    }

    /// <summary>The queue device (<c>Queue:support</c>): RINGING while callers wait, NOT_INUSE when none.</summary>
    public void UpdateQueueDevice(SimQueue queue) =>
        _engine.SetDeviceState("Queue:" + queue.Name, queue.Callers.Count > 0 ? DeviceStates.Ringing : DeviceStates.NotInUse);

    /// <summary><c>Queue:support_avail</c>: NOT_INUSE while at least one member could take a call.</summary>
    public void UpdateAvailability(SimQueue queue)
    {
        var available = queue.Members.Exists(m => !m.Paused && m.Status == DeviceStates.Number(DeviceStates.NotInUse));
        _engine.SetDeviceState("Queue:" + queue.Name + "_avail", available ? DeviceStates.NotInUse : DeviceStates.InUse);
    }

    /// <summary>A device changed state: members watching it report QueueMemberStatus, and freed members are offered to callers.</summary>
    public void OnDeviceState(string device, string state)
    {
        var number = DeviceStates.Number(state);
        foreach (var queue in _queues.Values)
        {
            var changed = false;
            foreach (var member in queue.Members)
            {
                if (string.Equals(member.StateInterface, device, StringComparison.OrdinalIgnoreCase) && member.Status != number)
                {
                    member.Status = number;
                    _engine.Ami.QueueMember("QueueMemberStatus"u8, queue.Name, member);
                    changed = true;
                }
            }
            if (changed)
            {
                UpdateAvailability(queue);
                var q = queue;
                _engine.Defer(() => Kick(q));
            }
        }
    }

    /// <summary>Offers free members to the waiting callers, head of the queue first (all of them with autofill).</summary>
    public void Kick(SimQueue queue)
    {
        foreach (var call in queue.Callers.ToArray())
        {
            if (!queue.Callers.Contains(call))
            {
                continue;
            }
            call.TryRing();
            if (!queue.Definition.AutoFill)
            {
                break;
            }
        }
        CheckLeaveWhenEmpty(queue);
    }

    public void KickAll()
    {
        foreach (var queue in _queues.Values)
        {
            Kick(queue);
        }
    }

    /// <summary>True when no member is left once those matching <paramref name="conditions"/> are counted as absent.</summary>
    public bool IsEmpty(SimQueue queue, EmptyConditions conditions)
    {
        if (conditions == EmptyConditions.None)
        {
            return false;
        }
        foreach (var m in queue.Members)
        {
            var state = _engine.DeviceState(m.StateInterface);
            if ((conditions.HasFlag(EmptyConditions.Paused) && m.Paused)
                || (conditions.HasFlag(EmptyConditions.InUse) && state is DeviceStates.InUse or DeviceStates.Busy)
                || (conditions.HasFlag(EmptyConditions.Ringing) && state is DeviceStates.Ringing or DeviceStates.RingInUse)
                || (conditions.HasFlag(EmptyConditions.Unavailable) && state == DeviceStates.Unavailable)
                || (conditions.HasFlag(EmptyConditions.Invalid) && state == DeviceStates.Invalid)
                || (conditions.HasFlag(EmptyConditions.Unknown) && state == DeviceStates.Unknown)
                || (conditions.HasFlag(EmptyConditions.Wrapup) && InWrapup(queue, m)))
            {
                continue;
            }
            return false;
        }
        return true;
    }

    private void CheckLeaveWhenEmpty(SimQueue queue)
    {
        if (queue.Callers.Count == 0 || !IsEmpty(queue, queue.Definition.LeaveWhenEmpty))
        {
            return;
        }
        foreach (var call in queue.Callers.ToArray())
        {
            if (!call.IsRinging)
            {
                call.Leave("LEAVEEMPTY");
            }
        }
    }

    /// <summary>Whether the member may be rung for this caller now.</summary>
    public bool IsAvailable(SimQueue queue, QueueMember member)
    {
        if (member.Paused || IsBeingRung(member.Interface) || InWrapup(queue, member))
        {
            return false;
        }
        return _engine.DeviceState(member.StateInterface) switch
        {
            DeviceStates.NotInUse or DeviceStates.Unknown => true,
            DeviceStates.InUse or DeviceStates.Busy or DeviceStates.OnHold or DeviceStates.Ringing or DeviceStates.RingInUse => queue.Definition.RingInUse,
            _ => false,
        };
    }

    public bool InWrapup(SimQueue queue, QueueMember member)
    {
        var wrapup = member.WrapupTime > 0 ? member.WrapupTime : queue.Definition.WrapupTime;
        if (wrapup <= 0)
        {
            return false;
        }
        var ended = Config.SharedLastCall ? _lastCallEnded.GetValueOrDefault(member.Interface) : member.LastCallEnded ?? default;
        return ended != default && _engine.Clock.Now < ended + TimeSpan.FromSeconds(wrapup);
    }

    /// <summary>Records the end of a member's call and offers the member again once its wrap-up is over.</summary>
    public void CallEnded(SimQueue queue, QueueMember member)
    {
        var now = _engine.Clock.Now;
        member.LastCallEnded = now;
        _lastCallEnded[member.Interface] = now;
        var wrapup = member.WrapupTime > 0 ? member.WrapupTime : queue.Definition.WrapupTime;
        if (wrapup > 0)
        {
            _engine.Clock.Schedule(TimeSpan.FromSeconds(wrapup), KickAll, "wrap-up end " + member.Interface);
        }
    }

    // Interfaces rung right now by any caller of any queue (one ring at a time per phone), with a count.
    private readonly Dictionary<string, int> _rungInterfaces = new(StringComparer.OrdinalIgnoreCase);

    internal void Rung(string iface, bool ringing)
    {
        if (ringing)
        {
            _rungInterfaces[iface] = _rungInterfaces.GetValueOrDefault(iface) + 1;
        }
        else if (_rungInterfaces.TryGetValue(iface, out var count))
        {
            if (count <= 1)
            {
                _rungInterfaces.Remove(iface);
            }
            else
            {
                _rungInterfaces[iface] = count - 1;
            }
        }
    }

    private bool IsBeingRung(string iface) => _rungInterfaces.ContainsKey(iface);

    /// <summary>Restart: callers and channels are gone, statistics reset, dynamic members dropped unless persistent.</summary>
    public void Reset()
    {
        _rungInterfaces.Clear();
        _lastCallEnded.Clear();
        foreach (var queue in _queues.Values)
        {
            queue.Callers.Clear();
            queue.ResetStatistics();
            if (!Config.PersistentMembers)
            {
                queue.Members.RemoveAll(m => m.Dynamic);
            }
            foreach (var m in queue.Members)
            {
                m.InCall = false;
                m.Status = DeviceStates.Number(DeviceStates.NotInUse);
            }
        }
    }
}
