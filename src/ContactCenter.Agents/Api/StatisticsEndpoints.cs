using System.Globalization;
using ContactCenter.Agents.Directory;
using ContactCenter.Agents.Statistics;
using ContactCenter.Hosting.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Agents.Api;

/// <summary>Statistics of a range of days in the center's timezone; only days with activity are listed.</summary>
public sealed record StatisticsResponse(DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<AgentDayResponse> Days);

/// <summary>
/// One agent's local day, in whole seconds (each rounded on its own, so the parts may differ from the total by a second).
/// Logged in is available + ringing + on call + wrap-up + paused.
/// </summary>
public sealed record AgentDayResponse(
    string AgentNumber,
    DateOnly Day,
    long LoggedInSeconds,
    long AvailableSeconds,
    long RingingSeconds,
    long OnCallSeconds,
    long WrapUpSeconds,
    long PausedSeconds,
    IReadOnlyList<PauseTimeResponse> PausedByCode,
    int CallsAnswered);

/// <summary>Time paused with one code; <paramref name="Name"/> is null for a code no longer in the directory or a pause without code (<c>(none)</c>).</summary>
public sealed record PauseTimeResponse(string Code, string? Name, bool Productive, long Seconds);

/// <summary>Per agent and day: time logged in, available, ringing, on calls, in wrap-up, paused by code, calls answered.</summary>
internal static class StatisticsEndpoints
{
    public const int MaxDays = 366;

    public static void MapStatisticsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/agents/{agent}/statistics", AgentAsync).RequireSelfOrRole().WithTags("Statistics")
            .WithSummary("An agent's statistics per local day, ?from=yyyy-MM-dd&to=yyyy-MM-dd (at most 366 days)");
        routes.MapGet("/api/statistics/agents", AllAsync).RequireApiRole(ApiRoles.Supervisor).WithTags("Statistics")
            .WithSummary("Every agent's statistics per local day, ?from=yyyy-MM-dd&to=yyyy-MM-dd (at most 366 days)");
    }

    private static async Task<Results<Ok<StatisticsResponse>, ValidationProblem, ProblemHttpResult>> AgentAsync(string agent, string? from, string? to,
        AgentAdmin agents, AgentStatisticsQuery statistics, AgentsOptions options, CancellationToken ct)
    {
        var errors = new RequestErrors().Check("agent", AdminRules.AgentNumber(agent));
        var range = Range(from, to, errors);
        if (errors.Problem is { } problem)
        {
            return problem;
        }
        if (await agents.GetAsync(agent, ct) is null)
        {
            return ApiProblems.NotFound("agent", agent);
        }
        return TypedResults.Ok(Response(await statistics.ComputeAsync(agent, range.From, range.To, ct), range.From, range.To, options));
    }

    private static async Task<Results<Ok<StatisticsResponse>, ValidationProblem>> AllAsync(string? from, string? to, AgentStatisticsQuery statistics,
        AgentsOptions options, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var range = Range(from, to, errors);
        if (errors.Problem is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(Response(await statistics.ComputeAsync(null, range.From, range.To, ct), range.From, range.To, options));
    }

    /// <summary>Reads the range; the years are bounded so the widened UTC window stays representable.</summary>
    internal static (DateOnly From, DateOnly To) Range(string? from, string? to, RequestErrors errors)
    {
        var first = Date("from", from, errors);
        var last = Date("to", to, errors);
        if (first is { } f && last is { } l)
        {
            errors.Check("to", l < f ? "must not be before from" : l.DayNumber - f.DayNumber + 1 > MaxDays ? $"must be at most {MaxDays} days after from, counting both" : null);
        }
        return (first ?? default, last ?? default);
    }

    private static DateOnly? Date(string field, string? value, RequestErrors errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1970 and <= 9998)
        {
            return date;
        }
        errors.Check(field, value is null ? "is required: a date, yyyy-MM-dd" : "must be a date, yyyy-MM-dd, between 1970 and 9998");
        return null;
    }

    private static StatisticsResponse Response(StatisticsResult result, DateOnly from, DateOnly to, AgentsOptions options) =>
        new(from, to, options.TimeZone, result.Days.Select(d => new AgentDayResponse(d.AgentNumber, d.Day, Seconds(d.LoggedIn), Seconds(d.Available), Seconds(d.Ringing),
            Seconds(d.OnCall), Seconds(d.WrapUp), Seconds(d.Paused),
            d.PausedByCode.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => PauseTime(p.Key, p.Value, result.PauseCodes)).ToList(),
            d.CallsAnswered)).ToList());

    private static PauseTimeResponse PauseTime(string code, TimeSpan time, IReadOnlyDictionary<string, PauseCodeInfo> codes) =>
        codes.TryGetValue(code, out var info) ? new(code, info.Name, info.Productive, Seconds(time)) : new(code, null, false, Seconds(time));

    private static long Seconds(TimeSpan time) => (long)Math.Round(time.TotalSeconds, MidpointRounding.AwayFromZero);
}
