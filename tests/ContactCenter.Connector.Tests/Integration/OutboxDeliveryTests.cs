using ContactCenter.Connector.Outbox;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Calls;

namespace ContactCenter.Connector.Tests.Integration;

/// <summary>
/// The delivery guarantee with a real RabbitMQ: at-least-once, per-call order, nothing dropped on a cold
/// start, during a broker outage, or across a connector restart.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OutboxDeliveryTests
{
    private string _vhost = null!;
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _vhost = RabbitMqBroker.CreateVirtualHost();
        _dir = new TempDirectory();
    }

    [TearDown]
    public void TearDown()
    {
        RabbitMqBroker.DeleteVirtualHost(_vhost);
        _dir.Dispose();
    }

    /// <summary>Five events of one call, in lifecycle order.</summary>
    private static List<ICallEvent> Call(int n)
    {
        var linkedid = $"1795289065.{n}";
        var at = DateTimeOffset.UtcNow;
        return
        [
            new CallStarted(Guid.NewGuid(), "pbx1", at, linkedid, linkedid, "PJSIP/trunk-01", CallDirection.Inbound, "+5491145550000", "", "7000", "from-trunk", false),
            new CallQueued(Guid.NewGuid(), "pbx1", at, linkedid, linkedid, "support", 1, 1),
            new CallOffered(Guid.NewGuid(), "pbx1", at, linkedid, linkedid, "support", "PJSIP/6001", "210", linkedid + "1"),
            new CallAnswered(Guid.NewGuid(), "pbx1", at, linkedid, linkedid, "PJSIP/6001", linkedid + "1", "support", "210", 2, 1, null),
            new CallEnded(Guid.NewGuid(), "pbx1", at, linkedid, linkedid, CallDirection.Inbound, 16, "Normal Clearing", HangupParty.Customer, CallEndReason.Normal, true, 6, 4, "PJSIP/6001", null),
        ];
    }

    /// <summary>Confirmed events are deleted from the outbox (just after they are received).</summary>
    private static async Task WaitForEmptyOutboxAsync(EventOutbox outbox)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (outbox.Depth > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.That(outbox.Depth, Is.Zero, "confirmed events are deleted from the outbox");
        Assert.That(await outbox.ReadAsync(10, CancellationToken.None), Is.Empty);
    }

    private static Task AppendAsync(EventOutbox outbox, IEnumerable<ICallEvent> events) =>
        outbox.AppendAsync(events.Select(e => ((IContactCenterEvent)e, 0L)).ToList(), CancellationToken.None);

    /// <summary>Every sent event arrived (duplicates allowed) and each call's first arrivals kept the sent order.</summary>
    private static void AssertDeliveredInCallOrder(IReadOnlyList<ICallEvent> sent, EventCollector received)
    {
        var arrived = received.All.OfType<ICallEvent>().ToList();
        Assert.That(sent.Select(e => e.EventId).Except(arrived.Select(e => e.EventId)), Is.Empty, "every event arrived");
        foreach (var call in sent.GroupBy(e => e.Linkedid))
        {
            var firstArrivals = arrived.Where(e => e.Linkedid == call.Key).Select(e => e.EventId).Distinct().ToList();
            Assert.That(firstArrivals, Is.EqualTo(call.Select(e => e.EventId)), $"order of call {call.Key}");
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_cold_start_on_an_empty_broker_delivers_events_published_at_once()
    {
        var sent = Call(1);
        // Events already waiting when the connector starts go out as soon as the bus is up, queues bound.
        await using (var outbox = EventOutbox.Open(_dir.File("connector.db"), synchronousFull: false))
        {
            await AppendAsync(outbox, sent.Take(2));
        }

        await using var host = await ConnectorTestHost.StartAsync(_vhost, _dir.File("connector.db"));
        await AppendAsync(host.Outbox, sent.Skip(2));

        await host.Events.WaitUntilAsync(e => e.OfType<CallEnded>().Any(), TimeSpan.FromSeconds(30), "the whole call");
        AssertDeliveredInCallOrder(sent, host.Events);
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task RabbitMQ_stopped_for_30_seconds_mid_stream_loses_nothing_and_keeps_per_call_order()
    {
        await using var host = await ConnectorTestHost.StartAsync(_vhost, _dir.File("connector.db"));
        var sent = new List<ICallEvent>();
        for (var n = 0; n < 5; n++)
        {
            sent.AddRange(Call(n));
        }
        await AppendAsync(host.Outbox, sent);
        await host.Events.WaitUntilAsync(e => e.Count >= sent.Count, TimeSpan.FromSeconds(30), "the calls before the outage");

        RabbitMqBroker.Stop();
        try
        {
            // Calls keep happening while the broker is down: one call every 1.5 s, its events spread out.
            var outage = System.Diagnostics.Stopwatch.StartNew();
            for (var n = 5; outage.Elapsed < TimeSpan.FromSeconds(30); n++)
            {
                var call = Call(n);
                sent.AddRange(call);
                await AppendAsync(host.Outbox, call.Take(3));
                await Task.Delay(750);
                await AppendAsync(host.Outbox, call.Skip(3));
                await Task.Delay(750);
            }
            Assert.That(host.Outbox.Depth, Is.GreaterThan(0), "events waited in the outbox during the outage");
        }
        finally
        {
            RabbitMqBroker.Start();
        }

        await host.Events.WaitUntilAsync(e => sent.All(s => e.Any(r => r.EventId == s.EventId)), TimeSpan.FromSeconds(90), "every event after the restart");
        AssertDeliveredInCallOrder(sent, host.Events);
        await WaitForEmptyOutboxAsync(host.Outbox);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Events_left_in_the_outbox_by_a_killed_connector_are_delivered_by_the_next_one()
    {
        var sent = Call(7).Concat(Call(8)).ToList();
        // The first connector stored the events but never reached the broker (it died, or the broker was down).
        await using (var first = EventOutbox.Open(_dir.File("connector.db"), synchronousFull: false))
        {
            await AppendAsync(first, sent);
        }

        await using var restarted = await ConnectorTestHost.StartAsync(_vhost, _dir.File("connector.db"));

        await restarted.Events.WaitUntilAsync(e => e.Count >= sent.Count, TimeSpan.FromSeconds(30), "the stored events");
        AssertDeliveredInCallOrder(sent, restarted.Events);
        await WaitForEmptyOutboxAsync(restarted.Outbox);
    }
}
