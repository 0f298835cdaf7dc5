using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Calls;

namespace ContactCenter.Connector.Tests.Calls;

/// <summary>
/// Transfers are not in the captured traces and the simulator does not make them, so these tests insert a
/// BlindTransfer frame, written with the fields Asterisk 22 documents for it, into the real answered queue call
/// (ami-06) just before its hangup.
/// </summary>
[TestFixture]
public sealed class CallTrackerTransferTests
{
    private const string Caller = "PJSIP/6003-00000004";
    private const string Agent = "PJSIP/6001-00000005";

    private static string BlindTransfer(string result) => $"""
        Event: BlindTransfer
        Privilege: call,all
        Timestamp: 1795289080.000000
        Result: {result}
        TransfererChannel: {Agent}
        TransfererChannelState: 6
        TransfererCallerIDNum: 6001
        TransfererCallerIDName: Agent 6001
        TransfererContext: agents
        TransfererExten: 7000
        TransfererPriority: 1
        TransfererUniqueid: 1795289065.5
        TransfererLinkedid: 1795289065.4
        TransfereeChannel: {Caller}
        TransfereeChannelState: 6
        TransfereeCallerIDNum: 6003
        TransfereeCallerIDName: Customer 6003
        TransfereeContext: agents
        TransfereeExten: 7000
        TransfereePriority: 3
        TransfereeUniqueid: 1795289065.4
        TransfereeLinkedid: 1795289065.4
        BridgeUniqueid: 48ae0360-955f-425f-9a2c-8f94de846005
        BridgeType: basic
        IsExternal: No
        Context: cc-queues
        Extension: 7001

        """;

    private static List<IContactCenterEvent> ReplayWithTransfer(string result) =>
        TrackerReplay.Run("ami-06-queue-call-answered.txt", BlindTransfer(result), e => e is HangupEvent);

    [Test]
    public void A_blind_transfer_by_the_agent_is_one_CallTransferred_on_the_same_call()
    {
        var events = ReplayWithTransfer("Success");

        var transferred = events.OfType<CallTransferred>().Single();
        Assert.That((transferred.Linkedid, transferred.Kind, transferred.From, transferred.To), Is.EqualTo(("1795289065.4", "blind", "PJSIP/6001", "7001@cc-queues")));
        Assert.That(events.OfType<CallStarted>().Count(), Is.EqualTo(1));
        Assert.That(events.OfType<CallEnded>().Single().Linkedid, Is.EqualTo("1795289065.4"));
        Assert.That(events.OfType<ICallEvent>().Select(e => e.Linkedid).Distinct(), Is.EqualTo(new[] { "1795289065.4" }));
    }

    [TestCase("Fail")]
    [TestCase("Invalid")]
    [TestCase("Not Permitted")]
    public void A_transfer_Asterisk_did_not_carry_out_changes_nothing(string result)
    {
        var events = ReplayWithTransfer(result);

        Assert.That(events.OfType<CallTransferred>(), Is.Empty);
        Assert.That(events.OfType<CallEnded>().Single().AnsweredBy, Is.EqualTo("PJSIP/6001"));
    }
}
