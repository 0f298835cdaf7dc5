using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Connector.Calls;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Calls;

namespace ContactCenter.Connector.Tests.Calls;

[TestFixture]
public sealed class CallTrackerTraceTests
{
    private static (CallTracker Tracker, List<IContactCenterEvent> Output) Replay(string trace)
    {
        var tracker = new CallTracker("pbx1", ["PJSIP/trunk"], "**", new ManualTimeProvider());
        var output = new List<IContactCenterEvent>();
        foreach (var e in TraceReplay.Events(trace))
        {
            tracker.Apply(e, output);
        }
        return (tracker, output);
    }

    [Test]
    public void An_answered_queue_call_is_one_call_from_start_to_end_in_Asterisk_order()
    {
        var (tracker, events) = Replay("ami-06-queue-call-answered.txt");

        Assert.That(events.Select(e => e.GetType().Name), Is.EqualTo(new[]
        {
            "CallStarted", "RecordingStarted", "CallQueued", "CallOffered", "CallAnswered", "RecordingStopped", "CallEnded",
        }));
        Assert.That(events.OfType<ICallEvent>().Select(e => e.Linkedid).Distinct(), Is.EqualTo(new[] { "1795289065.4" }));
        var started = events.OfType<CallStarted>().Single();
        Assert.That((started.Uniqueid, started.Channel, started.CallerIdNum, started.DialedExtension, started.Direction, started.Learned),
            Is.EqualTo(("1795289065.4", "PJSIP/6003-00000004", "6003", "7000", CallDirection.Internal, false)));
        Assert.That(events.OfType<RecordingStarted>().Single().FileName, Is.EqualTo("/var/spool/asterisk/monitor/1795289065.4.wav"));
        var queued = events.OfType<CallQueued>().Single();
        Assert.That((queued.Queue, queued.Position, queued.CallersWaiting), Is.EqualTo(("support", 1, 1)));
        var offered = events.OfType<CallOffered>().Single();
        Assert.That((offered.Interface, offered.MemberName, offered.MemberUniqueid), Is.EqualTo(("PJSIP/6001", "Agent 6001", "1795289065.5")));
        var answered = events.OfType<CallAnswered>().Single();
        Assert.That((answered.AnsweredBy, answered.AnsweredUniqueid, answered.Queue, answered.WaitSeconds, answered.RingSeconds),
            Is.EqualTo(("PJSIP/6001", "1795289065.5", "support", (int?)2, (int?)1)));
        var ended = events.OfType<CallEnded>().Single();
        Assert.That((ended.Cause, ended.CauseText, ended.HungUpBy, ended.Reason, ended.Answered, ended.AnsweredBy),
            Is.EqualTo((16, "Normal Clearing", HangupParty.Caller, CallEndReason.Normal, true, "PJSIP/6001")));
        Assert.That((tracker.CallCount, tracker.ChannelCount), Is.EqualTo((0, 0)), "state is dropped when the call ends");
    }

    [Test]
    public void An_abandoned_queue_call_is_missed_with_reason_abandoned_and_the_members_it_rang()
    {
        var (tracker, events) = Replay("ami-07-queue-call-abandoned.txt");

        Assert.That(events.Select(e => e.GetType().Name), Is.EqualTo(new[]
        {
            "CallStarted", "RecordingStarted", "CallQueued", "CallOffered", "CallAbandoned", "RecordingStopped", "CallMissed", "CallEnded",
        }));
        var abandoned = events.OfType<CallAbandoned>().Single();
        Assert.That((abandoned.Queue, abandoned.Position, abandoned.OriginalPosition, abandoned.WaitSeconds), Is.EqualTo(("support", 1, 1, 6)));
        var missed = events.OfType<CallMissed>().Single();
        Assert.That((missed.Reason, missed.Queue, missed.CallerIdNum, missed.DialedExtension), Is.EqualTo((CallMissedReason.Abandoned, "support", "6003", "7000")));
        Assert.That(missed.OfferedTo, Is.EqualTo(new[] { "PJSIP/6001" }));
        var ended = events.OfType<CallEnded>().Single();
        Assert.That((ended.Answered, ended.Cause, ended.HungUpBy), Is.EqualTo((false, 0, HangupParty.Caller)));
        Assert.That((tracker.CallCount, tracker.ChannelCount), Is.EqualTo((0, 0)));
    }

    [Test]
    public void An_originated_call_is_answered_when_both_legs_share_a_bridge_and_keeps_its_correlation_id()
    {
        var (tracker, events) = Replay("ami-08-ami-originate.txt");

        Assert.That(events.Select(e => e.GetType().Name), Is.EqualTo(new[] { "CallStarted", "CallAnswered", "CallEnded" }));
        var started = events.OfType<CallStarted>().Single();
        Assert.That((started.Channel, started.DialedExtension), Is.EqualTo(("PJSIP/6002-00000008", "s")));
        var answered = events.OfType<CallAnswered>().Single();
        Assert.That((answered.AnsweredBy, answered.AnsweredUniqueid, answered.Queue, answered.CorrelationId),
            Is.EqualTo(("PJSIP/6001", "1795289097.9", (string?)null, "demo-123")));
        var ended = events.OfType<CallEnded>().Single();
        Assert.That((ended.Linkedid, ended.HungUpBy, ended.Cause, ended.CorrelationId), Is.EqualTo(("1795289095.8", HangupParty.Agent, 16, "demo-123")));
        Assert.That((tracker.CallCount, tracker.ChannelCount), Is.EqualTo((0, 0)));
    }

    [TestCase("ami-01-featurecode-login.txt")]
    [TestCase("ami-02-featurecode-pause.txt")]
    [TestCase("ami-03-featurecode-unpause.txt")]
    [TestCase("ami-04-featurecode-logout.txt")]
    [TestCase("ami-09-ami-featurecode-userevent.txt")]
    public void A_feature_code_call_makes_no_call_events_and_leaves_no_state(string trace)
    {
        var (tracker, events) = Replay(trace);

        Assert.That(events, Is.Empty);
        Assert.That((tracker.CallCount, tracker.ChannelCount), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Every_event_of_a_trace_is_published_once_with_its_own_id()
    {
        var events = new[] { "ami-06-queue-call-answered.txt", "ami-07-queue-call-abandoned.txt", "ami-08-ami-originate.txt" }
            .SelectMany(t => Replay(t).Output).ToList();

        Assert.That(events.Select(e => e.EventId).Distinct().Count(), Is.EqualTo(events.Count));
        Assert.That(events.All(e => e.Server == "pbx1"));
    }

    [Test]
    public void A_snapshot_taken_mid_call_teaches_a_fresh_tracker_the_call_and_that_it_was_answered()
    {
        var frames = TraceReplay.Frames("ami-06-queue-call-answered.txt");
        var decoder = new AmiEventDecoder();
        var snapshot = frames.Where(f => f.ActionId == "channels-mid" && f.EventNameString == "CoreShowChannel")
            .Select(f => (CoreShowChannelEvent)decoder.Decode(f)!).ToList();
        var tracker = new CallTracker("pbx1", ["PJSIP/trunk"], "**", new ManualTimeProvider());
        var output = new List<IContactCenterEvent>();

        var (ended, learned) = tracker.Reconcile(snapshot, snapshotSequence: 1000, output);

        Assert.That(ended, Is.Empty);
        Assert.That(learned, Is.EqualTo(new[] { "1795289065.4" }));
        Assert.That(output.Select(e => e.GetType().Name), Is.EqualTo(new[] { "CallStarted", "CallAnswered" }));
        Assert.That(output.OfType<CallStarted>().Single().Learned, Is.True);
        Assert.That(output.OfType<CallStarted>().Single().Channel, Is.EqualTo("PJSIP/6003-00000004"), "the channel whose Uniqueid is the Linkedid started the call");
        Assert.That(output.OfType<CallAnswered>().Single().AnsweredBy, Is.EqualTo("PJSIP/6001"));
        Assert.That((tracker.CallCount, tracker.ChannelCount), Is.EqualTo((1, 2)));
    }

    [Test]
    public void A_call_whose_channels_are_gone_after_a_reconnect_stops_its_recording_and_ends_lost_during_disconnect_once()
    {
        var events = TraceReplay.Events("ami-06-queue-call-answered.txt");
        var tracker = new CallTracker("pbx1", ["PJSIP/trunk"], "**", new ManualTimeProvider());
        var output = new List<IContactCenterEvent>();
        // The connection dropped right after the answer: the hang-up was never seen.
        foreach (var e in events.TakeWhile(e => e is not HangupRequestEvent))
        {
            tracker.Apply(e, output);
        }
        output.Clear();

        var (ended, _) = tracker.Reconcile([], snapshotSequence: 10_000, output);
        var again = tracker.Reconcile([], snapshotSequence: 10_001, []);

        Assert.That(ended, Is.EqualTo(new[] { "1795289065.4" }));
        Assert.That(output.Select(e => e.GetType().Name), Is.EqualTo(new[] { "RecordingStopped", "CallEnded" }));
        Assert.That(output.OfType<RecordingStopped>().Single().FileName, Is.EqualTo("/var/spool/asterisk/monitor/1795289065.4.wav"));
        var end = output.OfType<CallEnded>().Single();
        Assert.That((end.Reason, end.HungUpBy, end.Answered), Is.EqualTo((CallEndReason.LostDuringDisconnect, HangupParty.Unknown, true)));
        Assert.That(output.OfType<CallMissed>(), Is.Empty);
        Assert.That(again.Ended, Is.Empty);
        Assert.That((tracker.CallCount, tracker.ChannelCount), Is.EqualTo((0, 0)));
    }

    [Test]
    public void A_call_that_started_after_the_snapshot_was_taken_is_not_judged_by_it()
    {
        var events = TraceReplay.Events("ami-06-queue-call-answered.txt");
        var tracker = new CallTracker("pbx1", ["PJSIP/trunk"], "**", new ManualTimeProvider());
        var output = new List<IContactCenterEvent>();
        tracker.Apply(events.OfType<NewchannelEvent>().First(), output);

        var (ended, _) = tracker.Reconcile([], snapshotSequence: events.OfType<NewchannelEvent>().First().Sequence - 1, output);

        Assert.That(ended, Is.Empty);
        Assert.That(tracker.CallCount, Is.EqualTo(1));
    }
}
