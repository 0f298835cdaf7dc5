using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Queues;

namespace ContactCenter.PbxSimulator.Ami;

internal sealed partial class AmiEmitter
{
    public void QueueCallerJoin(SimChannel ch, string queue, int position, int count) => Caller("QueueCallerJoin"u8, ch, queue, position, count);

    public void QueueCallerLeave(SimChannel ch, string queue, int position, int count) => Caller("QueueCallerLeave"u8, ch, queue, position, count);

    public void QueueCallerAbandon(SimChannel ch, string queue, int position, int originalPosition, long holdTime) =>
        Commit(Start("QueueCallerAbandon"u8, EventClass.Agent).Raw(Block(ch)).Field("Queue"u8, queue).Field("Position"u8, position)
            .Field("OriginalPosition"u8, originalPosition).Field("HoldTime"u8, holdTime), EventClass.Agent);

    public void AgentCalled(SimChannel caller, byte[] destBlock, string queue, QueueMember member) =>
        Commit(Agent("AgentCalled"u8, caller, destBlock, queue, member), EventClass.Agent);

    public void AgentConnect(SimChannel caller, SimChannel dest, string queue, QueueMember member, long holdTime, long ringTime) =>
        Commit(Agent("AgentConnect"u8, caller, DestBlock(dest), queue, member).Field("HoldTime"u8, holdTime).Field("RingTime"u8, ringTime), EventClass.Agent);

    public void AgentComplete(SimChannel caller, SimChannel dest, string queue, QueueMember member, long holdTime, long talkTime, string reason) =>
        Commit(Agent("AgentComplete"u8, caller, DestBlock(dest), queue, member).Field("HoldTime"u8, holdTime).Field("TalkTime"u8, talkTime).Field("Reason"u8, reason), EventClass.Agent);

    public void AgentRingNoAnswer(SimChannel caller, SimChannel dest, string queue, QueueMember member, long ringTime) =>
        Commit(Agent("AgentRingNoAnswer"u8, caller, DestBlock(dest), queue, member).Field("RingTime"u8, ringTime), EventClass.Agent);

    /// <summary><c>QueueMemberAdded</c>, <c>Removed</c>, <c>Pause</c>, <c>Status</c>, <c>Penalty</c>: the same member blob.</summary>
    public void QueueMember(ReadOnlySpan<byte> name, string queue, QueueMember m)
    {
        var b = Start(name, EventClass.Agent);
        b.Field("Queue"u8, queue).Field("MemberName"u8, m.MemberName).Field("Interface"u8, m.Interface).Field("StateInterface"u8, m.StateInterface)
            .Field("Membership"u8, m.Dynamic ? "dynamic"u8 : "static"u8).Field("Penalty"u8, m.Penalty).Field("CallsTaken"u8, m.CallsTaken)
            .Field("LastCall"u8, m.LastCall).Field("LastPause"u8, m.LastPause).Field("LoginTime"u8, m.LoginTime).Field("InCall"u8, m.InCall ? 1 : 0)
            .Field("Status"u8, m.Status).Field("Paused"u8, m.Paused ? 1 : 0).Field("PausedReason"u8, m.PausedReason)
            .Field("Ringinuse"u8, m.RingInUse ? 1 : 0).Field("Wrapuptime"u8, m.WrapupTime);
        Commit(b, EventClass.Agent);
    }

    private void Caller(ReadOnlySpan<byte> name, SimChannel ch, string queue, int position, int count) =>
        Commit(Start(name, EventClass.Agent).Raw(Block(ch)).Field("Queue"u8, queue).Field("Position"u8, position).Field("Count"u8, count), EventClass.Agent);

    private AmiFrameBuilder Agent(ReadOnlySpan<byte> name, SimChannel caller, byte[] destBlock, string queue, QueueMember member) =>
        Start(name, EventClass.Agent).Raw(Block(caller)).Raw(destBlock).Field("Queue"u8, queue).Field("Interface"u8, member.Interface).Field("MemberName"u8, member.MemberName);
}
