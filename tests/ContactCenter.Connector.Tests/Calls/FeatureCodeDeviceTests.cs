using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Connector.Calls;
using ContactCenter.Contracts;

namespace ContactCenter.Connector.Tests.Calls;

/// <summary>
/// A phone busy only with a feature code its agent dialled is not on a call, and its going idle after the code is not
/// the end of a call: the tracker tells both apart from calls, on the real captures, so the connector can say so on
/// the member's status changes (1 not in use, 2 in use, 5 unavailable, 6 ringing).
/// </summary>
[TestFixture]
public sealed class FeatureCodeDeviceTests
{
    private const string Phone = "PJSIP/6001";

    [Test]
    public void A_status_change_is_from_feature_codes_while_the_code_is_up_and_when_the_phone_becomes_free_after_it()
    {
        var tracker = NewTracker();
        var output = new List<IContactCenterEvent>();
        var events = TraceReplay.Events("ami-02-featurecode-pause.txt");
        var hangup = events.ToList().FindIndex(e => e is HangupEvent);
        Assert.That(hangup, Is.GreaterThan(0), "the capture has the code's hang-up");

        Assert.That(tracker.StatusFromFeatureCodes(Phone, 1), Is.False, "no channel yet");
        foreach (var e in events.Take(hangup))
        {
            tracker.Apply(e, output);
        }
        Assert.That(tracker.StatusFromFeatureCodes(Phone, 2), Is.True, "**213 is up on the phone");
        Assert.That(tracker.StatusFromFeatureCodes("PJSIP/6002", 2), Is.False, "another phone");

        tracker.Apply(events[hangup], output);
        Assert.That(tracker.StatusFromFeatureCodes(Phone, 1), Is.True, "free again after the code, in the first queue");
        Assert.That(tracker.StatusFromFeatureCodes(Phone, 1), Is.True, "and in the next queue of the member");
        Assert.That(tracker.StatusFromFeatureCodes(Phone, 5), Is.False, "the phone unregistered: not the code's doing");
        Assert.That(tracker.StatusFromFeatureCodes(Phone, 1), Is.False, "registered again: a status of its own");
    }

    [Test]
    public void A_resync_forgets_that_a_phone_was_freed_by_feature_codes()
    {
        var tracker = NewTracker();
        var output = new List<IContactCenterEvent>();
        var events = TraceReplay.Events("ami-02-featurecode-pause.txt");
        foreach (var e in events)
        {
            tracker.Apply(e, output);
        }
        // Without the resync the next "not in use" would be flagged (the first test); the connector was away meanwhile.
        tracker.Reconcile([], events.Count, output);

        Assert.That(tracker.StatusFromFeatureCodes(Phone, 1), Is.False, "after the connector was away, a free phone is news of its own");
    }

    [Test]
    public void A_member_ringing_answering_and_hanging_up_a_queue_call_changes_status_because_of_the_call()
    {
        var tracker = NewTracker();
        var statuses = StatusesWhileReplaying(tracker, TraceReplay.Events("ami-06-queue-call-answered.txt"));

        Assert.That(statuses.Select(s => s.Status), Is.EqualTo(new[] { 6, 2, 1 }), "the capture rings the member, connects it, then it is free");
        Assert.That(statuses.Select(s => s.FromFeatureCodes), Is.All.False);
    }

    [Test]
    public void A_feature_code_dialled_during_a_queue_call_does_not_hide_the_end_of_the_call()
    {
        var tracker = NewTracker();
        var call = TraceReplay.Events("ami-06-queue-call-answered.txt");
        var connected = call.ToList().FindIndex(e => e is QueueMemberEvent { Kind: QueueMemberEventKind.Status, Member.Status: 2 });
        Assert.That(connected, Is.GreaterThan(0), "the capture connects the member");
        var output = new List<IContactCenterEvent>();
        foreach (var e in call.Take(connected + 1))
        {
            tracker.Apply(e, output);
        }

        // The agent dials **213 on the same phone while the customer is on the line; the code hangs up first.
        foreach (var e in TraceReplay.Events("ami-02-featurecode-pause.txt"))
        {
            tracker.Apply(e, output);
        }
        Assert.That(tracker.StatusFromFeatureCodes(Phone, 2), Is.False, "the queue call is still up");
        var afterCall = StatusesWhileReplaying(tracker, call.Skip(connected + 1));

        Assert.That(afterCall, Is.EqualTo(new[] { (1, false) }), "the phone free after the call is the end of the call");
    }

    private static CallTracker NewTracker() => new("pbx1", ["PJSIP/trunk"], "**", new ManualTimeProvider());

    private static List<(int Status, bool FromFeatureCodes)> StatusesWhileReplaying(CallTracker tracker, IEnumerable<AmiEvent> events)
    {
        var output = new List<IContactCenterEvent>();
        var statuses = new List<(int Status, bool FromFeatureCodes)>();
        foreach (var e in events)
        {
            if (e is QueueMemberEvent { Kind: QueueMemberEventKind.Status } status)
            {
                statuses.Add((status.Member.Status, tracker.StatusFromFeatureCodes(status.Member.Device, status.Member.Status)));
            }
            tracker.Apply(e, output);
        }
        return statuses;
    }
}
