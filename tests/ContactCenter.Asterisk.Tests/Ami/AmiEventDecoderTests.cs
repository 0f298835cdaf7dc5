using System.Text;
using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ami.Events;

namespace ContactCenter.Asterisk.Tests.Ami;

[TestFixture]
public sealed class AmiEventDecoderTests
{
    private static List<AmiEvent> DecodeTrace(string trace)
    {
        var decoder = new AmiEventDecoder();
        return FrameFeeder.ReadAll(NaiveAmiOracle.WithoutBanner(TraceFiles.ReadBytes(trace)))
            .Where(f => f.Frame.Kind == AmiFrameKind.Event)
            .Select(f => decoder.Decode(f.Frame))
            .OfType<AmiEvent>()
            .ToList();
    }

    [Test]
    public void An_answered_queue_call_decodes_to_its_queue_and_agent_lifecycle()
    {
        var events = DecodeTrace("ami-06-queue-call-answered.txt");

        var join = events.OfType<QueueCallerEvent>().First(e => e.Joined);
        var agents = events.OfType<AgentEvent>().ToList();
        var hangups = events.OfType<HangupEvent>().ToList();

        Assert.That(join.Queue, Is.EqualTo("support"));
        Assert.That(join.Position, Is.EqualTo(1));
        Assert.That(join.Channel.Uniqueid, Is.EqualTo("1795289065.4"));
        Assert.That(agents.Select(a => a.Kind), Is.EqualTo(new[] { AgentEventKind.Called, AgentEventKind.Connect, AgentEventKind.Complete }));
        Assert.That(agents[0].Member!.Uniqueid, Is.EqualTo("1795289065.5"));
        Assert.That(agents[0].Member!.Linkedid, Is.EqualTo("1795289065.4"));
        Assert.That(agents[0].Interface, Is.EqualTo("PJSIP/6001"));
        Assert.That(agents[0].MemberName, Is.EqualTo("Agent 6001"));
        Assert.That((agents[1].HoldTime, agents[1].RingTime), Is.EqualTo((2, 1)));
        Assert.That((agents[2].TalkTime, agents[2].Reason), Is.EqualTo((4, "caller")));
        Assert.That(hangups.Select(h => (h.Channel.Name, h.Cause, h.CauseText)), Is.EqualTo(new[]
        {
            ("PJSIP/6003-00000004", 16, "Normal Clearing"),
            ("PJSIP/6001-00000005", 16, "Normal Clearing"),
        }));
        Assert.That(events.OfType<BridgeEvent>().Count(b => b.Entered), Is.EqualTo(2));
        Assert.That(events.OfType<HangupRequestEvent>().First().Soft, Is.False, "the customer's own hangup is a HangupRequest");
    }

    [Test]
    public void Of_all_VarSets_only_the_recording_file_name_is_decoded()
    {
        var events = DecodeTrace("ami-06-queue-call-answered.txt");

        var varSets = events.OfType<VarSetEvent>().ToList();

        Assert.That(varSets, Has.Count.EqualTo(1));
        Assert.That(varSets[0].Variable, Is.EqualTo("MIXMONITOR_FILENAME"));
        Assert.That(varSets[0].Value, Is.EqualTo("/var/spool/asterisk/monitor/1795289065.4.wav"));
        Assert.That(events.OfType<MixMonitorEvent>().Single().Started, Is.True);
    }

    [Test]
    public void Our_own_CC_variables_are_decoded()
    {
        var events = DecodeTrace("ami-08-ami-originate.txt");

        Assert.That(events.OfType<VarSetEvent>().Single().Value, Is.EqualTo("demo-123"));
    }

    [Test]
    public void A_dial_started_by_Originate_has_no_caller_channel()
    {
        var events = DecodeTrace("ami-08-ami-originate.txt");

        var dials = events.OfType<DialBeginEvent>().ToList();
        var originate = events.OfType<OriginateResponseEvent>().Single();

        Assert.That(dials[0].Caller, Is.Null);
        Assert.That(dials[0].Destination.Name, Is.EqualTo("PJSIP/6002-00000008"));
        Assert.That(dials[1].Caller!.Name, Is.EqualTo("PJSIP/6002-00000008"));
        Assert.That(originate.Success, Is.True);
        Assert.That(originate.Reason, Is.EqualTo(4));
        Assert.That(originate.ActionId, Is.EqualTo("orig-8"));
    }

    [Test]
    public void An_abandoned_queue_call_decodes_its_position_and_hold_time()
    {
        var abandon = DecodeTrace("ami-07-queue-call-abandoned.txt").OfType<QueueCallerAbandonEvent>().Single();

        Assert.That((abandon.Queue, abandon.Position, abandon.OriginalPosition, abandon.HoldTime), Is.EqualTo(("support", 1, 1, 6)));
    }

    [Test]
    public void Queue_member_pause_and_unpause_are_the_same_event_with_Paused_and_the_reason()
    {
        var pauses = DecodeTrace("ami-05-queue-actions.txt").OfType<QueueMemberEvent>().Where(e => e.Kind == QueueMemberEventKind.Pause).ToList();

        Assert.That(pauses.Select(p => (p.Member.Paused, p.Member.PausedReason)), Is.EqualTo(new[] { (true, "lunch"), (false, "") }));
        Assert.That(pauses[0].Member.Interface, Is.EqualTo("PJSIP/6001"));
        Assert.That(pauses[0].Member.Queue, Is.EqualTo("support"));
    }

    [Test]
    public void A_QueueStatus_member_item_decodes_its_Name_and_Location()
    {
        var item = FrameFeeder.ReadAll(NaiveAmiOracle.WithoutBanner(TraceFiles.ReadBytes("ami-05-queue-actions.txt")))
            .Select(f => f.Frame).First(f => f.EventNameString == "QueueMember" && f.ActionId == "qstatus-2");

        var member = AmiEventDecoder.DecodeQueueMemberItem(item);

        Assert.That((member.MemberName, member.Interface, member.Paused, member.PausedReason, member.LoginTime),
            Is.EqualTo(("Agent 6001", "PJSIP/6001", true, "lunch", 1795289046L)));
    }

    [Test]
    public void The_Timestamp_header_becomes_the_event_time()
    {
        var frame = FrameFeeder.ReadAll(Encoding.ASCII.GetBytes(
            "Event: Hangup\r\nPrivilege: call,all\r\nTimestamp: 1795289065.123456\r\nChannel: PJSIP/6001-00000005\r\nUniqueid: 1.5\r\nLinkedid: 1.4\r\nCause: 16\r\n\r\n"))[0].Frame;

        var hangup = (HangupEvent)new AmiEventDecoder().Decode(frame)!;

        Assert.That(hangup.Timestamp, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1795289065).AddTicks(1_234_560)));
        Assert.That(hangup.Channel.Device, Is.EqualTo("PJSIP/6001"));
    }

    [Test]
    public void Restart_trace_decodes_Shutdown_then_a_fresh_FullyBooted()
    {
        var before = DecodeTrace("ami-10-restart.txt");
        var after = DecodeTrace("ami-10-restart-after.txt");

        Assert.That(before.OfType<ShutdownEvent>().Single().Restart, Is.True);
        Assert.That(after.OfType<FullyBootedEvent>().Single().Uptime, Is.EqualTo(1));
    }

    [Test]
    public void A_UserEvent_keeps_its_custom_headers()
    {
        var userEvent = DecodeTrace("ami-09-ami-featurecode-userevent.txt").OfType<UserEventEvent>().Single();

        Assert.That(userEvent.Name, Is.EqualTo("AgentFeatureCode"));
        Assert.That(userEvent.Headers["Code"], Is.EqualTo("**91210"));
        Assert.That(userEvent.Headers["Interface"], Is.EqualTo("PJSIP/6001"));
        Assert.That(userEvent.Channel!.Name, Is.EqualTo("PJSIP/6001-0000000b"));
    }
}
