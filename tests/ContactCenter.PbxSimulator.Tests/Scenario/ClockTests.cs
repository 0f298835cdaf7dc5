namespace ContactCenter.PbxSimulator.Tests.Scenario;

[TestFixture]
[CancelAfter(20_000)]
public sealed class ClockTests
{
    [Test]
    public async Task A_manual_clock_runs_due_timers_in_order_each_at_its_own_time_and_stops_at_the_target(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        var start = sim.Clock.Now;
        var fired = new List<(string, TimeSpan)>();
        sim.Clock.Schedule(TimeSpan.FromSeconds(3), () => fired.Add(("b", sim.Clock.Now - start)), "b");
        sim.Clock.Schedule(TimeSpan.FromSeconds(1), () =>
        {
            fired.Add(("a", sim.Clock.Now - start));
            sim.Clock.Schedule(TimeSpan.FromSeconds(1), () => fired.Add(("a2", sim.Clock.Now - start)), "a2");
        }, "a");
        sim.Clock.Schedule(TimeSpan.FromSeconds(10), () => fired.Add(("late", sim.Clock.Now - start)), "late");

        sim.Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.That(fired, Is.EqualTo(new[] { ("a", TimeSpan.FromSeconds(1)), ("a2", TimeSpan.FromSeconds(2)), ("b", TimeSpan.FromSeconds(3)) }));
        Assert.That(sim.Clock.Now - start, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(sim.Clock.PendingTimers, Is.EqualTo(1));
    }

    [Test]
    public async Task An_auto_advancing_clock_jumps_to_the_next_timer_when_the_simulator_is_idle(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct, o => o.Clock = SimClockMode.AutoAdvance);
        var start = sim.Clock.Now;

        var call = sim.Phone("6001").Dial("**91210");
        await sim.Until(() => call.IsGone, ct);

        Assert.That(sim.Clock.Now - start, Is.EqualTo(TimeSpan.FromMilliseconds(440)), "the beep lasts 440 ms of simulated time");
        Assert.That(sim.PlaybackHistory.Single().MediaUri, Is.EqualTo("sound:beep"));
    }

    [Test]
    public async Task A_real_time_clock_cannot_be_advanced_by_hand(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct, o => o.Clock = SimClockMode.RealTime);

        Assert.Throws<InvalidOperationException>(() => sim.Clock.Advance(TimeSpan.FromSeconds(1)));
    }
}
