using ContactCenter.Agents.Statistics;
using ContactCenter.Contracts.Agents;

namespace ContactCenter.Agents.Tests.Statistics;

[TestFixture]
public sealed class AgentStatisticsCalculatorTests
{
    private static readonly TimeZoneInfo BuenosAires = TimeZoneInfo.FindSystemTimeZoneById("America/Argentina/Buenos_Aires");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTimeOffset Local(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    [Test]
    public void A_shift_across_midnight_counts_on_both_local_days()
    {
        // 22:00 to 02:00 in Buenos Aires (UTC-3): 2 h on the 21st, 2 h on the 22nd.
        var intervals = new[]
        {
            new StateInterval("210", AgentState.Available, null, Local(BuenosAires, 2026, 11, 21, 22), Local(BuenosAires, 2026, 11, 21, 23)),
            new StateInterval("210", AgentState.OnCall, null, Local(BuenosAires, 2026, 11, 21, 23), Local(BuenosAires, 2026, 11, 22, 1)),
            new StateInterval("210", AgentState.Paused, "13", Local(BuenosAires, 2026, 11, 22, 1), Local(BuenosAires, 2026, 11, 22, 2)),
        };

        var days = AgentStatisticsCalculator.Compute(intervals, [], BuenosAires, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        Assert.That(days.Select(d => (d.Day, d.LoggedIn, d.Available, d.OnCall, d.Paused)), Is.EqualTo(new[]
        {
            (new DateOnly(2026, 11, 21), TimeSpan.FromHours(2), TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.Zero),
            (new DateOnly(2026, 11, 22), TimeSpan.FromHours(2), TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(1)),
        }));
        Assert.That(days[1].PausedByCode["13"], Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public void The_same_UTC_interval_falls_on_different_days_in_different_timezones()
    {
        // 01:00-02:30 UTC is 22:00-23:30 on the 21st in Buenos Aires and 02:00-03:30 on the 22nd in Berlin.
        var interval = new StateInterval("210", AgentState.Available, null,
            new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 22, 2, 30, 0, TimeSpan.Zero));

        var buenosAires = AgentStatisticsCalculator.Compute([interval], [], BuenosAires, DateOnly.MinValue, DateOnly.MaxValue).Single();
        var berlin = AgentStatisticsCalculator.Compute([interval], [], Berlin, DateOnly.MinValue, DateOnly.MaxValue).Single();

        Assert.That(buenosAires.Day, Is.EqualTo(new DateOnly(2026, 11, 21)));
        Assert.That(berlin.Day, Is.EqualTo(new DateOnly(2026, 11, 22)));
    }

    [Test]
    public void A_day_with_a_DST_change_has_23_hours_of_logged_in_time_when_logged_in_all_day()
    {
        // Berlin switched to summer time on 29 March 2026: that local day lasted 23 hours.
        var interval = new StateInterval("210", AgentState.Available, null, Local(Berlin, 2026, 3, 29, 0), Local(Berlin, 2026, 3, 30, 0));

        var day = AgentStatisticsCalculator.Compute([interval], [], Berlin, DateOnly.MinValue, DateOnly.MaxValue).Single();

        Assert.That(day.LoggedIn, Is.EqualTo(TimeSpan.FromHours(23)));
    }

    [Test]
    public void Calls_answered_are_counted_on_the_local_day_and_days_outside_the_range_are_left_out()
    {
        var answered = new[]
        {
            ("210", new DateTimeOffset(2026, 11, 22, 2, 30, 0, TimeSpan.Zero)),
            ("210", new DateTimeOffset(2026, 11, 22, 13, 0, 0, TimeSpan.Zero)),
            ("211", new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero)),
        };

        var days = AgentStatisticsCalculator.Compute([], answered, BuenosAires, new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 22));

        Assert.That(days.Select(d => (d.AgentNumber, d.Day, d.CallsAnswered)), Is.EqualTo(new[]
        {
            ("210", new DateOnly(2026, 11, 21), 1),
            ("210", new DateOnly(2026, 11, 22), 1),
        }));
    }
}
