using ContactCenter.Connector.Outbox;
using ContactCenter.Messaging.Outbox;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Asterisk;
using ContactCenter.Contracts.Commands;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Queues;

namespace ContactCenter.Connector.Tests.Outbox;

[TestFixture]
public sealed class EventOutboxTests
{
    private static CallStarted Started(string linkedid) =>
        new(Guid.NewGuid(), "pbx1", DateTimeOffset.UtcNow, linkedid, linkedid, "PJSIP/trunk-00000001", CallDirection.Inbound, "+5491145550000", "", "7000", "from-trunk", false);

    [Test]
    public async Task Appended_events_survive_closing_and_reopening_the_file_in_order_and_intact()
    {
        using var dir = new TempDirectory();
        var events = Enumerable.Range(0, 50).Select(i => Started($"1795289065.{i}")).ToList();
        await using (var outbox = EventOutbox.Open(dir.File("connector.db"), synchronousFull: false))
        {
            await outbox.AppendAsync(events.Select(e => ((IContactCenterEvent)e, 0L)).ToList(), CancellationToken.None);
        }

        await using var reopened = EventOutbox.Open(dir.File("connector.db"), synchronousFull: false);
        var rows = await reopened.ReadAsync(100, CancellationToken.None);

        Assert.That(reopened.Depth, Is.EqualTo(50));
        Assert.That(rows.Select(OutboxSerializer.Deserialize), Is.EqualTo(events), "records compare by value: every field survived");
    }

    [Test]
    public async Task Deleted_rows_are_gone_and_the_rest_keeps_its_order()
    {
        using var dir = new TempDirectory();
        await using var outbox = EventOutbox.Open(dir.File("connector.db"), synchronousFull: true);
        await outbox.AppendAsync(Enumerable.Range(0, 10).Select(i => ((IContactCenterEvent)Started($"1.{i}"), 0L)).ToList(), CancellationToken.None);
        var rows = await outbox.ReadAsync(100, CancellationToken.None);

        await outbox.DeleteAsync(rows.Where((_, i) => i % 2 == 0).Select(r => r.Seq).ToList(), CancellationToken.None);
        var left = await outbox.ReadAsync(100, CancellationToken.None);

        Assert.That(left.Select(r => ((CallStarted)OutboxSerializer.Deserialize(r)).Linkedid), Is.EqualTo(new[] { "1.1", "1.3", "1.5", "1.7", "1.9" }));
        Assert.That(outbox.Depth, Is.EqualTo(5));
    }

    [Test]
    public void Events_of_one_call_share_a_lane_and_a_members_events_share_another()
    {
        var member = new QueueMember("support", "PJSIP/6001", "210", "PJSIP/6001", 0, false, "", 1, false, 0, true);

        Assert.That(OutboxSerializer.LaneOf(Started("1.4")), Is.EqualTo("1.4"));
        Assert.That(OutboxSerializer.LaneOf(new QueueMemberAdded(Guid.NewGuid(), "pbx1", DateTimeOffset.UtcNow, member)),
            Is.EqualTo(OutboxSerializer.LaneOf(new QueueMemberPaused(Guid.NewGuid(), "pbx1", DateTimeOffset.UtcNow, member with { Queue = "sales" }, "13"))));
    }

    [Test]
    public void A_feature_codes_dial_and_timeout_share_the_channels_lane_and_command_results_are_not_queued_behind_the_server()
    {
        var now = DateTimeOffset.UtcNow;
        var dialed = new FeatureCodeDialed(Guid.NewGuid(), "pbx1", now, "1795289065.7", "PJSIP/6001-00000007", "PJSIP/6001", "6001", "**1210", "ari", now);
        var timedOut = new FeatureCodeTimedOut(Guid.NewGuid(), "pbx1", now, dialed.EventId, "1795289065.7", "PJSIP/6001", "**1210");
        var otherPhone = dialed with { EventId = Guid.NewGuid(), ChannelId = "1795289065.8" };
        CommandCompleted Result() => new(Guid.NewGuid(), "pbx1", now, Guid.NewGuid(), "AddQueueMember", "test", true, CommandOutcome.Done, "", null);
        var server = OutboxSerializer.LaneOf(new AsteriskConnected(Guid.NewGuid(), "pbx1", now, "ami", ""));

        Assert.That(OutboxSerializer.LaneOf(timedOut), Is.EqualTo(OutboxSerializer.LaneOf(dialed)));
        Assert.That(OutboxSerializer.LaneOf(otherPhone), Is.Not.EqualTo(OutboxSerializer.LaneOf(dialed)));
        Assert.That(new[] { OutboxSerializer.LaneOf(dialed), OutboxSerializer.LaneOf(Result()), OutboxSerializer.LaneOf(Result()) }.Distinct().Count(), Is.EqualTo(3));
        Assert.That(new[] { OutboxSerializer.LaneOf(dialed), OutboxSerializer.LaneOf(Result()) }, Has.None.EqualTo(server));
    }

    [Test]
    public async Task An_append_wakes_a_waiting_publisher()
    {
        using var dir = new TempDirectory();
        await using var outbox = EventOutbox.Open(dir.File("connector.db"), synchronousFull: false);
        var waiting = outbox.WaitForWorkAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        await outbox.AppendAsync([(Started("1.1"), 0L)], CancellationToken.None);

        Assert.That(await waiting.WaitAsync(TimeSpan.FromSeconds(5)), Is.True);
    }
}
