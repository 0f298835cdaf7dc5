using System.Security.Claims;
using ContactCenter.Agents.Operations;
using ContactCenter.Contracts.Agents;
using ContactCenter.Data;
using ContactCenter.Hosting.Api;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Agents.Api;

/// <summary>Log in choosing an extension and (optionally) a subset of queues.</summary>
public sealed record LoginRequest(string? Extension, IReadOnlyList<string>? Queues);

/// <summary>Pause with a pause code in (optionally) a subset of queues.</summary>
public sealed record PauseRequest(string? Code, IReadOnlyList<string>? Queues);

/// <summary>Unpause or log out of (optionally) a subset of queues.</summary>
public sealed record QueuesRequest(IReadOnlyList<string>? Queues);

/// <summary>The result of an agent operation: done, or still waiting for Asterisk (202).</summary>
public sealed record OperationResponse(Guid OperationId, string Status, string? Detail, AgentStatusResponse? Agent);

/// <summary>
/// The agent portal's actions. They run exactly the rules a phone's feature code runs (the same planner),
/// so a refusal has the same reason either way; here it becomes an HTTP status. The request waits a moment
/// for Asterisk's confirmation (<see cref="AgentsOptions.ApiWait"/>) and answers 202 if it is still pending.
/// </summary>
internal static class AgentOperationEndpoints
{
    private const string SelectExtensionServer = "SELECT server FROM extension WHERE interface = @Interface";
    private const string SelectOperation = "SELECT status AS Status, detail AS Detail FROM agent_operation WHERE id = @Id AND agent_number = @AgentNumber";

    public static void MapAgentOperationEndpoints(this IEndpointRouteBuilder routes)
    {
        var agents = routes.MapGroup("/api/agents").WithTags("Agents");
        agents.MapGet("/", async (AgentStatusQuery statuses, CancellationToken ct) => TypedResults.Ok(await statuses.AllAsync(ct)))
            .RequireApiRole(ApiRoles.Supervisor).WithSummary("Every agent's current status (the live view)");
        agents.MapGet("/{agent}/status", StatusAsync).RequireSelfOrRole().WithSummary("An agent's state, extension, time in state and queues logged in over linked");
        agents.MapPost("/{agent}/login", LoginAsync).RequireSelfOrRole().WithSummary("Log in at an extension, to all linked queues or a subset");
        agents.MapPost("/{agent}/pause", PauseAsync).RequireSelfOrRole().WithSummary("Pause with a pause code, everywhere or in a subset of queues");
        agents.MapPost("/{agent}/unpause", (string agent, QueuesRequest? body, OperationContext c, HttpContext http, CancellationToken ct) =>
            RunForLoggedInAsync(agent, OperationKind.Unpause, null, body?.Queues, c, http.User, ct)).RequireSelfOrRole().WithSummary("Unpause, everywhere or in a subset");
        agents.MapPost("/{agent}/logout", (string agent, QueuesRequest? body, OperationContext c, HttpContext http, CancellationToken ct) =>
            RunForLoggedInAsync(agent, OperationKind.Logout, null, body?.Queues, c, http.User, ct)).RequireSelfOrRole().WithSummary("Log out, of every queue or a subset");
        agents.MapGet("/{agent}/operations/{id:guid}", OperationStatusAsync).RequireSelfOrRole().WithSummary("Where an operation answered with 202 stands");
    }

    private static async Task<Results<Ok<AgentStatusResponse>, ProblemHttpResult>> StatusAsync(string agent, AgentStatusQuery statuses, CancellationToken ct) =>
        await statuses.OneAsync(agent, ct) is { } status ? TypedResults.Ok(status) : ApiProblems.NotFound("agent", agent);

    private static async Task<IResult> LoginAsync(string agent, LoginRequest? body, OperationContext context, HttpContext http, CancellationToken ct)
    {
        var extension = body?.Extension?.Trim();
        if (string.IsNullOrEmpty(extension) || !extension.Contains('/', StringComparison.Ordinal))
        {
            return ApiProblems.Invalid("extension", "is required, as the phone's interface, e.g. PJSIP/6001");
        }
        if (await context.StatusQuery.OneAsync(agent, ct) is null)
        {
            return ApiProblems.NotFound("agent", agent);
        }
        var server = await context.Database.WithConnectionAsync((c, token) =>
            c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(SelectExtensionServer, new { Interface = extension }, cancellationToken: token)), ct);
        if (server is null)
        {
            return ApiProblems.Invalid("extension", $"{extension} is not an extension of the center");
        }
        return await RunAsync(agent, OperationKind.Login, server, extension, null, body?.Queues, context, http.User, ct);
    }

    private static async Task<IResult> PauseAsync(string agent, PauseRequest? body, OperationContext context, HttpContext http, CancellationToken ct)
    {
        var code = body?.Code?.Trim();
        if (string.IsNullOrEmpty(code) || !code.All(char.IsAsciiDigit))
        {
            return ApiProblems.Invalid("code", "is required: the numeric pause code");
        }
        return await RunForLoggedInAsync(agent, OperationKind.Pause, code, body?.Queues, context, http.User, ct);
    }

    private static async Task<IResult> RunForLoggedInAsync(string agent, string kind, string? pauseCode, IReadOnlyList<string>? queues, OperationContext context,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (await context.StatusQuery.OneAsync(agent, ct) is not { } status)
        {
            return ApiProblems.NotFound("agent", agent);
        }
        if (status.Server is null || status.Extension is null)
        {
            return TypedResults.Problem($"agent {agent} is not logged in", statusCode: StatusCodes.Status409Conflict, title: "Not logged in");
        }
        return await RunAsync(agent, kind, status.Server, status.Extension, pauseCode, queues, context, user, ct);
    }

    private static async Task<IResult> RunAsync(string agent, string kind, string server, string @interface, string? pauseCode, IReadOnlyList<string>? queues,
        OperationContext context, ClaimsPrincipal user, CancellationToken ct)
    {
        if (queues is { Count: 0 })
        {
            return ApiProblems.Invalid("queues", "when given, must name at least one queue");
        }
        var source = user.IsInRole(ApiRoles.Supervisor) || user.IsInRole(ApiRoles.Admin) ? AgentStateSource.Supervisor : AgentStateSource.Web;
        var now = context.Time.GetUtcNow().UtcDateTime;
        var request = new OperationRequest(Guid.NewGuid(), kind, server, agent, @interface, pauseCode, queues, source, $"web:{user.Identity?.Name ?? "unknown"}",
            null, null, now + context.Options.OperationTimeout);
        var start = await context.Planner.StartAsync(request, ct);
        if (start.Refused)
        {
            return Refusal(start);
        }

        // Wait for Asterisk's confirmation, briefly: the portal shows the result, or polls if it takes longer.
        var deadline = context.Time.GetUtcNow() + context.Options.ApiWait;
        var state = new OperationRow { Status = start.Status, Detail = start.Detail };
        while (state.Status == OperationStatus.Pending && context.Time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), context.Time, ct);
            state = await ReadOperationAsync(context.Database, request.Id, agent, ct) ?? state;
        }
        return await ResultAsync(request.Id, agent, state, context.StatusQuery, ct);
    }

    private static async Task<IResult> OperationStatusAsync(string agent, Guid id, OperationContext context, CancellationToken ct) =>
        await ReadOperationAsync(context.Database, id, agent, ct) is { } state
            ? await ResultAsync(id, agent, state, context.StatusQuery, ct)
            : ApiProblems.NotFound("operation", id.ToString());

    private static async Task<IResult> ResultAsync(Guid id, string agent, OperationRow state, AgentStatusQuery statuses, CancellationToken ct)
    {
        var response = new OperationResponse(id, state.Status, state.Detail, await statuses.OneAsync(agent, ct));
        return state.Status switch
        {
            OperationStatus.Succeeded => TypedResults.Ok(response),
            OperationStatus.Pending => TypedResults.Accepted($"/api/agents/{agent}/operations/{id}", response),
            OperationStatus.TimedOut => TypedResults.Problem(state.Detail, statusCode: StatusCodes.Status504GatewayTimeout, title: "Asterisk did not confirm in time; undone"),
            _ => TypedResults.Problem(state.Detail, statusCode: StatusCodes.Status502BadGateway, title: "Asterisk refused the change; undone"),
        };
    }

    private static IResult Refusal(OperationStart start) => start.RefusalReason switch
    {
        FeatureCodeRefusalReason.UnknownAgent => ApiProblems.NotFound("agent", start.AgentNumber ?? string.Empty),
        FeatureCodeRefusalReason.UnknownExtension => ApiProblems.Invalid("extension", start.Detail),
        FeatureCodeRefusalReason.NoQueues => ApiProblems.Invalid("queues", start.Detail),
        FeatureCodeRefusalReason.UnknownPauseCode => ApiProblems.Invalid("code", start.Detail),
        _ => TypedResults.Problem(start.Detail, statusCode: StatusCodes.Status409Conflict, title: start.RefusalReason),
    };

    private static Task<OperationRow?> ReadOperationAsync(Database database, Guid id, string agent, CancellationToken ct) =>
        database.WithConnectionAsync((c, token) =>
            c.QuerySingleOrDefaultAsync<OperationRow>(new CommandDefinition(SelectOperation, new { Id = id, AgentNumber = agent }, cancellationToken: token)), ct);
}

/// <summary>What the operation endpoints need, in one injectable piece.</summary>
internal sealed record OperationContext(OperationPlanner Planner, AgentStatusQuery StatusQuery, Database Database, AgentsOptions Options, TimeProvider Time);
