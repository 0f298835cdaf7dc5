using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Connector.Calls;
using ContactCenter.Contracts;

namespace ContactCenter.Connector.Tests.Calls;

/// <summary>
/// A phone busy only with a feature code its agent dialled is not on a call: the tracker tells that apart from a
/// call, on the real captures, so the connector can say so on the member's status change.
/// </summary>
[TestFixture]
public sealed class FeatureCodeDeviceTests
{
    [Test]
    public void A_phone_dialling_a_feature_code_is_busy_only_with_feature_codes_until_the_code_hangs_up()
    {
        var tracker = new CallTracker("pbx1", ["PJSIP/trunk"], "**", new ManualTimeProvider());
        var output = new List<IContactCenterEvent>();
        var events = TraceReplay.Events("ami-02-featurecode-pause.txt");
        var hangup = events.ToList().FindIndex(e => e is HangupEvent);
        Assert.That(hangup, Is.GreaterThan(0), "the capture has the code's hang-up");

        Assert.That(tracker.OnlyFeatureCodesOn("PJSIP/6001"), Is.False, "no channel yet");
        foreach (var e in events.Take(hangup))
        {
            tracker.Apply(e, output);
        }
        Assert.That(tracker.OnlyFeatureCodesOn("PJSIP/6001"), Is.True, "**213 is up on the phone");
        Assert.That(tracker.OnlyFeatureCodesOn("PJSIP/6002"), Is.False, "another phone");

        tracker.Apply(events[hangup], output);
        Assert.That(tracker.OnlyFeatureCodesOn("PJSIP/6001"), Is.False, "the code hung up");
    }

    [Test]
    public void A_member_ringing_and_answering_a_queue_call_is_on_a_call_not_dialling_a_feature_code()
    {
        var tracker = new CallTracker("pbx1", ["PJSIP/trunk"], "**", new ManualTimeProvider());
        var output = new List<IContactCenterEvent>();
        var statuses = new List<(int Status, bool OnlyFeatureCodes)>();
        foreach (var e in TraceReplay.Events("ami-06-queue-call-answered.txt"))
        {
            if (e is QueueMemberEvent { Kind: QueueMemberEventKind.Status } status)
            {
                statuses.Add((status.Member.Status, tracker.OnlyFeatureCodesOn(status.Member.Device)));
            }
            tracker.Apply(e, output);
        }

        Assert.That(statuses.Select(s => s.Status), Does.Contain(6).And.Contain(2), "the capture rings the member, then it is in use");
        Assert.That(statuses.Where(s => s.Status is 6 or 2).Select(s => s.OnlyFeatureCodes), Is.All.False);
    }
}
