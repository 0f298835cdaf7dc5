using ContactCenter.PbxSimulator.Queues;

namespace ContactCenter.PbxSimulator.Queues;

/// <summary>Outcome of a member action, worded by the AMI layer as Asterisk words it.</summary>
internal enum MemberResult
{
    Ok,
    NoSuchQueue,
    AlreadyThere,
    NotThere,
    NotDynamic,
}

internal sealed partial class QueueManager
{
    public MemberResult Add(string queueName, string iface, string? memberName, string? stateInterface, int penalty, bool paused, string reason, int wrapup)
    {
        if (Find(queueName) is not { } queue)
        {
            return MemberResult.NoSuchQueue;
        }
        if (queue.Member(iface) is not null)
        {
            return MemberResult.AlreadyThere;
        }
        var member = NewMember(queue, iface, memberName ?? iface, stateInterface ?? iface, penalty, dynamic: true, paused, reason);
        member.WrapupTime = wrapup;
        queue.Members.Add(member);
        UpdatePauseDevice(queue, member);
        _engine.Ami.QueueMember("QueueMemberAdded"u8, queue.Name, member);
        UpdateAvailability(queue);
        _engine.Defer(() => Kick(queue));
        return MemberResult.Ok;
    }

    public MemberResult Remove(string queueName, string iface)
    {
        if (Find(queueName) is not { } queue)
        {
            return MemberResult.NoSuchQueue;
        }
        if (queue.Member(iface) is not { } member)
        {
            return MemberResult.NotThere;
        }
        if (!member.Dynamic)
        {
            return MemberResult.NotDynamic;
        }
        queue.Members.Remove(member);
        _engine.Ami.QueueMember("QueueMemberRemoved"u8, queue.Name, member);
        UpdateAvailability(queue);
        _engine.Defer(() => Kick(queue));
        return MemberResult.Ok;
    }

    /// <summary>Pauses or unpauses in one queue, or in every queue of the interface when <paramref name="queueName"/> is null.</summary>
    public bool Pause(string? queueName, string iface, bool paused, string reason)
    {
        var found = false;
        foreach (var queue in _queues.Values)
        {
            if (queueName is not null && queue.Name != queueName)
            {
                continue;
            }
            if (queue.Member(iface) is not { } member)
            {
                continue;
            }
            found = true;
            member.Paused = paused;
            member.PausedReason = paused ? reason : string.Empty;
            if (paused)
            {
                member.LastPause = _engine.NowSeconds;
            }
            UpdatePauseDevice(queue, member);
            UpdateAvailability(queue);
            _engine.Ami.QueueMember("QueueMemberPause"u8, queue.Name, member);
            var q = queue;
            _engine.Defer(() => Kick(q));
        }
        return found;
    }

    public bool Penalty(string? queueName, string iface, int penalty)
    {
        var found = false;
        foreach (var queue in _queues.Values)
        {
            if ((queueName is not null && queue.Name != queueName) || queue.Member(iface) is not { } member)
            {
                continue;
            }
            found = true;
            member.Penalty = penalty;
            _engine.Ami.QueueMember("QueueMemberPenalty"u8, queue.Name, member);
            var q = queue;
            _engine.Defer(() => Kick(q));
        }
        return found;
    }

    private QueueMember NewMember(SimQueue queue, string iface, string name, string stateInterface, int penalty, bool dynamic, bool paused, string reason) => new()
    {
        Interface = iface,
        MemberName = name,
        StateInterface = stateInterface,
        Dynamic = dynamic,
        Penalty = penalty,
        Paused = paused,
        PausedReason = paused ? reason : string.Empty,
        LastPause = paused ? _engine.NowSeconds : 0,
        LoginTime = _engine.NowSeconds,
        RingInUse = queue.Definition.RingInUse,
        Order = ++_memberOrder,
        Status = DeviceStates.Number(_engine.DeviceState(stateInterface)),
    };

    /// <summary><c>Queue:support_pause_PJSIP/6001</c>: INUSE while paused.</summary>
    private void UpdatePauseDevice(SimQueue queue, QueueMember member) =>
        _engine.SetDeviceState($"Queue:{queue.Name}_pause_{member.Interface}", member.Paused ? DeviceStates.InUse : DeviceStates.NotInUse);
}
