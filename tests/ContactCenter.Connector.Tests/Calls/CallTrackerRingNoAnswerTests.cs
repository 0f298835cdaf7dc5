using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Contracts.Calls;

namespace ContactCenter.Connector.Tests.Calls;

/// <summary>
/// AgentRingNoAnswer is not in the captures: inserted, as Asterisk 22 documents it, into the real abandoned
/// queue call (ami-07) where its member had rung for the queue's 15 s.
/// </summary>
[TestFixture]
public sealed class CallTrackerRingNoAnswerTests
{
    // app_queue's rna() reports RingTime in milliseconds.
    private const string RingNoAnswer = """
        Event: AgentRingNoAnswer
        Privilege: agent,all
        Timestamp: 1795289095.000000
        Channel: PJSIP/6003-00000006
        ChannelState: 6
        ChannelStateDesc: Up
        CallerIDNum: 6003
        CallerIDName: Customer 6003
        Context: agents
        Exten: 7000
        Priority: 3
        Uniqueid: 1795289080.6
        Linkedid: 1795289080.6
        DestChannel: PJSIP/6001-00000007
        DestChannelState: 5
        DestChannelStateDesc: Ringing
        DestCallerIDNum: 6001
        DestCallerIDName: Agent 6001
        DestContext: agents
        DestExten: 7000
        DestPriority: 1
        DestUniqueid: 1795289080.7
        DestLinkedid: 1795289080.6
        Queue: support
        MemberName: Agent 6001
        Interface: PJSIP/6001
        RingTime: 15000

        """;

    [Test]
    public void A_member_who_let_the_call_ring_out_is_a_CallOfferMissed_with_the_ring_time_in_seconds()
    {
        var events = TrackerReplay.Run("ami-07-queue-call-abandoned.txt", RingNoAnswer, e => e is QueueCallerAbandonEvent);

        var missed = events.OfType<CallOfferMissed>().Single();
        Assert.That((missed.Linkedid, missed.Queue, missed.Interface, missed.MemberName, missed.RingSeconds),
            Is.EqualTo(("1795289080.6", "support", "PJSIP/6001", "Agent 6001", 15)));
    }
}
