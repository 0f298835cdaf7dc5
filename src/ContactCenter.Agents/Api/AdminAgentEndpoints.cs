using ContactCenter.Agents.Directory;
using ContactCenter.Hosting.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Agents.Api;

/// <summary>Agents and their queue links under <c>/api/admin/agents</c>.</summary>
internal static class AdminAgentEndpoints
{
    public static void MapAdminAgentEndpoints(this RouteGroupBuilder admin)
    {
        var agents = admin.MapGroup("/agents");
        agents.MapGet("/", ListAsync).WithSummary("Agents by number (offset; limit 100 by default, at most 1000)");
        agents.MapGet("/{number}", GetAsync).WithSummary("An agent (never its PIN)");
        agents.MapPut("/{number}", PutAsync).WithSummary("Create or replace an agent: name, active, PIN (stored hashed; null keeps it, empty removes it)");
        agents.MapDelete("/{number}", DeactivateAsync).WithSummary("Deactivate an agent (kept, since its history refers to it); logins are refused from then on");

        agents.MapGet("/{number}/queues", LinksAsync).WithSummary("The queues an agent is linked to, with penalties");
        agents.MapPut("/{number}/queues/{server}/{queue}", LinkAsync).WithSummary("Link an agent to a queue with a penalty (applies from the next login)");
        agents.MapDelete("/{number}/queues/{server}/{queue}", UnlinkAsync).WithSummary("Unlink an agent from a queue (409 while the agent is logged in to it)");
    }

    private static AgentResponse Response(AgentDetails a) => new(a.AgentNumber, a.Name, a.Active, a.HasPin, AdminEndpoints.Utc(a.CreatedAt));

    private static AgentQueueResponse Response(AgentQueueLink l) => new(l.AgentNumber, l.Server, l.Queue, l.Penalty);

    private static async Task<Results<Ok<IReadOnlyList<AgentResponse>>, ValidationProblem>> ListAsync(string? offset, string? limit, AgentAdmin agents, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var page = AdminRules.Page(offset, limit, errors);
        if (errors.Problem is { } problem)
        {
            return problem;
        }
        var list = await agents.ListAsync(page.Offset, page.Limit, ct);
        return TypedResults.Ok<IReadOnlyList<AgentResponse>>(list.Select(Response).ToList());
    }

    private static async Task<Results<Ok<AgentResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(string number, AgentAdmin agents, CancellationToken ct)
    {
        if (new RequestErrors().Check("number", AdminRules.AgentNumber(number)).Problem is { } problem)
        {
            return problem;
        }
        return await agents.GetAsync(number, ct) is { } agent ? TypedResults.Ok(Response(agent)) : ApiProblems.NotFound("agent", number);
    }

    private static async Task<Results<Ok<AgentResponse>, Created<AgentResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(string number, AgentRequest? body,
        AgentAdmin agents, CancellationToken ct)
    {
        var errors = new RequestErrors()
            .Check("number", AdminRules.AgentNumber(number))
            .Check("name", AdminRules.RequiredText(body?.Name))
            .Check("pin", AdminRules.Pin(body?.Pin));
        if (errors.Problem is { } problem)
        {
            return problem;
        }
        var pin = body!.Pin switch
        {
            null => PinChange.Unchanged,
            "" => PinChange.Remove,
            var value => PinChange.Set(value),
        };
        var (agent, created) = await agents.UpsertAsync(number, body.Name!.Trim(), body.Active ?? true, pin, ct);
        return AdminEndpoints.Saved(Response(agent), created, $"/api/admin/agents/{number}");
    }

    private static async Task<Results<Ok<AgentResponse>, ValidationProblem, ProblemHttpResult>> DeactivateAsync(string number, AgentAdmin agents, CancellationToken ct)
    {
        if (new RequestErrors().Check("number", AdminRules.AgentNumber(number)).Problem is { } problem)
        {
            return problem;
        }
        return await agents.DeactivateAsync(number, ct) is { } agent ? TypedResults.Ok(Response(agent)) : ApiProblems.NotFound("agent", number);
    }

    private static async Task<Results<Ok<IReadOnlyList<AgentQueueResponse>>, ValidationProblem, ProblemHttpResult>> LinksAsync(string number, AgentQueueAdmin links,
        CancellationToken ct)
    {
        if (new RequestErrors().Check("number", AdminRules.AgentNumber(number)).Problem is { } problem)
        {
            return problem;
        }
        return await links.ListAsync(number, ct) is { } list
            ? TypedResults.Ok<IReadOnlyList<AgentQueueResponse>>(list.Select(Response).ToList())
            : ApiProblems.NotFound("agent", number);
    }

    private static async Task<Results<Ok<AgentQueueResponse>, Created<AgentQueueResponse>, ValidationProblem, ProblemHttpResult>> LinkAsync(string number, string server,
        string queue, AgentQueueRequest? body, AgentQueueAdmin links, CancellationToken ct)
    {
        var errors = new RequestErrors()
            .Check("number", AdminRules.AgentNumber(number))
            .Check("server", AdminRules.Server(server))
            .Check("queue", AdminRules.QueueName(queue))
            .Check("penalty", AdminRules.Range(body?.Penalty, 0, AdminRules.MaxPenalty, required: false));
        if (errors.Problem is { } problem)
        {
            return problem;
        }
        var link = new AgentQueueLink { AgentNumber = number, Server = server, Queue = queue, Penalty = body?.Penalty ?? 0 };
        var (outcome, saved) = await links.UpsertAsync(link, ct);
        return outcome switch
        {
            LinkOutcome.UnknownAgent => ApiProblems.NotFound("agent", number),
            LinkOutcome.UnknownQueue => ApiProblems.NotFound("queue", $"{server}/{queue}"),
            _ => AdminEndpoints.Saved(Response(saved!), outcome == LinkOutcome.Created, $"/api/admin/agents/{number}/queues/{server}/{queue}"),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UnlinkAsync(string number, string server, string queue, AgentQueueAdmin links,
        CancellationToken ct)
    {
        var errors = new RequestErrors()
            .Check("number", AdminRules.AgentNumber(number))
            .Check("server", AdminRules.Server(server))
            .Check("queue", AdminRules.QueueName(queue));
        if (errors.Problem is { } problem)
        {
            return problem;
        }
        return AdminEndpoints.Deleted(await links.DeleteAsync(number, server, queue, ct), "link", $"{number} → {server}/{queue}");
    }
}
