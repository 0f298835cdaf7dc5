using System.Net;
using System.Text.Json;

namespace ContactCenter.Worker.Tests.Agents;

/// <summary>
/// Statistics through the HTTP API from state history and answered calls written to the real SQLite file, in a
/// center in Buenos Aires (UTC-3, no DST): every row of agent 1001 falls on the same UTC date, 2025-11-22, yet spans two local days.
/// </summary>
public sealed class AgentStatisticsApiTests
{
    private static readonly TimeZoneInfo BuenosAires = TimeZoneInfo.FindSystemTimeZoneById("America/Argentina/Buenos_Aires");

    private TestWorker _worker = null!;

    /// <summary>A local time in Buenos Aires, as the UTC instant the database stores.</summary>
    private static DateTime Local(int day, int hour, int minute = 0, int second = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2025, 11, day, hour, minute, second, DateTimeKind.Unspecified), BuenosAires);

    [OneTimeSetUp]
    public async Task StartWorker()
    {
        var ct = CancellationToken.None;
        _worker = await AgentsApi.StartAsync(ct, new Dictionary<string, string?> { ["Agents:TimeZone"] = "America/Argentina/Buenos_Aires" });
        foreach (var agent in new[] { "1001", "1002", "1003" })
        {
            await _worker.AdminAsync(HttpMethod.Put, $"/api/admin/agents/{agent}", ct, new { name = $"Agent {agent}" }).ExpectAsync(HttpStatusCode.Created, ct);
        }
        await _worker.AdminAsync(HttpMethod.Put, "/api/admin/pause-codes/13", ct, new { name = "Training", productive = true }).ExpectAsync(HttpStatusCode.Created, ct);

        // 1001: a shift from 22:00 on the 21st to 02:00 on the 22nd, local time.
        await HistoryAsync("1001", "logged-out", null, new DateTime(2025, 11, 1, 12, 0, 0, DateTimeKind.Utc), Local(21, 22), ct);
        await HistoryAsync("1001", "available", null, Local(21, 22), Local(21, 22, 59, 30), ct);
        await HistoryAsync("1001", "ringing", null, Local(21, 22, 59, 30), Local(21, 23), ct);
        await HistoryAsync("1001", "on-call", null, Local(21, 23), Local(22, 0, 30), ct);
        await HistoryAsync("1001", "wrap-up", null, Local(22, 0, 30), Local(22, 0, 31), ct);
        await HistoryAsync("1001", "paused", "13", Local(22, 0, 31), Local(22, 2), ct);
        await HistoryAsync("1001", "logged-out", null, Local(22, 2), null, ct);
        await CallAsync("1001", "call-1", Local(21, 23, 0, 5), ct);
        await CallAsync("1001", "call-2", Local(22, 1, 10), ct);

        // 1002: paused for ten days, from the 10th at 10:00 to the 20th at 10:00 local, with a code no longer in the directory.
        await HistoryAsync("1002", "paused", "55", Local(10, 10), Local(20, 10), ct);
        await HistoryAsync("1002", "logged-out", null, Local(20, 10), null, ct);

        // 1003: available since 90 minutes ago, still open.
        await HistoryAsync("1003", "available", null, DateTime.UtcNow.AddMinutes(-90), null, ct);
    }

    [OneTimeTearDown]
    public async Task StopWorker() => await _worker.DisposeAsync();

    private Task HistoryAsync(string agent, string state, string? pauseCode, DateTime start, DateTime? end, CancellationToken ct) =>
        _worker.ExecuteAsync("""
            INSERT INTO agent_state_history (id, agent_number, state, pause_code, started_at, ended_at, source, reason)
            VALUES (@Id, @Agent, @State, @PauseCode, @Start, @End, 'asterisk', NULL)
            """, ct, ("@Id", Guid.NewGuid().ToString()), ("@Agent", agent), ("@State", state), ("@PauseCode", pauseCode), ("@Start", start), ("@End", end));

    private Task CallAsync(string agent, string linkedid, DateTime answeredAt, CancellationToken ct) =>
        _worker.ExecuteAsync("INSERT INTO agent_call (agent_number, linkedid, answered_at, queue) VALUES (@Agent, @Linkedid, @At, 'support')", ct,
            ("@Agent", agent), ("@Linkedid", linkedid), ("@At", answeredAt));

    private static (string? Day, long LoggedIn, long Available, long Ringing, long OnCall, long WrapUp, long Paused, int Calls) Totals(JsonElement d) =>
        (d.GetProperty("day").GetString(), d.GetProperty("loggedInSeconds").GetInt64(), d.GetProperty("availableSeconds").GetInt64(),
            d.GetProperty("ringingSeconds").GetInt64(), d.GetProperty("onCallSeconds").GetInt64(), d.GetProperty("wrapUpSeconds").GetInt64(),
            d.GetProperty("pausedSeconds").GetInt64(), d.GetProperty("callsAnswered").GetInt32());

    [Test, CancelAfter(30_000)]
    public async Task A_shift_across_local_midnight_is_split_into_the_center_s_days_with_calls_on_the_local_day_answered(CancellationToken ct)
    {
        var statistics = await _worker.SendAsync(HttpMethod.Get, "/api/agents/1001/statistics?from=2025-11-21&to=2025-11-22", TestKeys.Agent1001, ct)
            .ExpectAsync(HttpStatusCode.OK, ct);
        var days = statistics.GetProperty("days").EnumerateArray().ToList();

        Assert.That(statistics.GetProperty("timeZone").GetString(), Is.EqualTo("America/Argentina/Buenos_Aires"));
        Assert.That((statistics.GetProperty("from").GetString(), statistics.GetProperty("to").GetString()), Is.EqualTo(("2025-11-21", "2025-11-22")));
        Assert.That(days.Select(Totals), Is.EqualTo(new[]
        {
            ("2025-11-21", 7200L, 3570L, 30L, 3600L, 0L, 0L, 1),
            ("2025-11-22", 7200L, 0L, 0L, 1800L, 60L, 5340L, 1),
        }));
        Assert.That(days[0].GetProperty("pausedByCode").GetArrayLength(), Is.Zero);
        var paused = days[1].GetProperty("pausedByCode").EnumerateArray().Single();
        Assert.That((paused.GetProperty("code").GetString(), paused.GetProperty("name").GetString(), paused.GetProperty("productive").GetBoolean(),
            paused.GetProperty("seconds").GetInt64()), Is.EqualTo(("13", "Training", true, 5340L)));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_range_of_one_day_counts_only_that_local_day(CancellationToken ct)
    {
        var statistics = await _worker.SendAsync(HttpMethod.Get, "/api/agents/1001/statistics?from=2025-11-21&to=2025-11-21", TestKeys.Supervisor, ct)
            .ExpectAsync(HttpStatusCode.OK, ct);

        Assert.That(statistics.GetProperty("days").EnumerateArray().Select(Totals), Is.EqualTo(new[] { ("2025-11-21", 7200L, 3570L, 30L, 3600L, 0L, 0L, 1) }));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_state_begun_days_before_the_range_counts_on_every_day_it_covers(CancellationToken ct)
    {
        var statistics = await _worker.SendAsync(HttpMethod.Get, "/api/agents/1002/statistics?from=2025-11-15&to=2025-11-16", TestKeys.Agent1002, ct)
            .ExpectAsync(HttpStatusCode.OK, ct);
        var days = statistics.GetProperty("days").EnumerateArray().ToList();

        Assert.That(days.Select(Totals), Is.EqualTo(new[]
        {
            ("2025-11-15", 86400L, 0L, 0L, 0L, 0L, 86400L, 0),
            ("2025-11-16", 86400L, 0L, 0L, 0L, 0L, 86400L, 0),
        }));
        var code = days[0].GetProperty("pausedByCode")[0];
        Assert.That((code.GetProperty("code").GetString(), code.GetProperty("name").ValueKind), Is.EqualTo(("55", JsonValueKind.Null)), "a code the directory no longer has");
    }

    [Test, CancelAfter(30_000)]
    public async Task The_current_state_counts_until_now(CancellationToken ct)
    {
        var now = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, BuenosAires);
        var from = DateOnly.FromDateTime(now.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = DateOnly.FromDateTime(now.AddDays(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var statistics = await _worker.SendAsync(HttpMethod.Get, $"/api/agents/1003/statistics?from={from}&to={to}", TestKeys.Admin, ct).ExpectAsync(HttpStatusCode.OK, ct);
        var available = statistics.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("availableSeconds").GetInt64());

        Assert.That(available, Is.EqualTo(5400).Within(60));
    }

    [Test, CancelAfter(30_000)]
    public async Task The_supervisor_view_lists_every_agent_with_activity_in_the_range(CancellationToken ct)
    {
        var statistics = await _worker.SendAsync(HttpMethod.Get, "/api/statistics/agents?from=2025-11-19&to=2025-11-22", TestKeys.Supervisor, ct)
            .ExpectAsync(HttpStatusCode.OK, ct);

        Assert.That(statistics.GetProperty("days").EnumerateArray().Select(d => (d.GetProperty("agentNumber").GetString(), d.GetProperty("day").GetString(),
            d.GetProperty("loggedInSeconds").GetInt64())), Is.EqualTo(new[]
        {
            ("1001", "2025-11-21", 7200L),
            ("1001", "2025-11-22", 7200L),
            ("1002", "2025-11-19", 86400L),
            ("1002", "2025-11-20", 36000L),
        }));
    }

    [Test, CancelAfter(30_000)]
    public async Task Statistics_of_an_unknown_agent_are_404(CancellationToken ct)
    {
        var problem = await _worker.SendAsync(HttpMethod.Get, "/api/agents/999/statistics?from=2025-11-01&to=2025-11-02", TestKeys.Supervisor, ct)
            .ExpectAsync(HttpStatusCode.NotFound, ct);

        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("agent not found"));
    }
}
