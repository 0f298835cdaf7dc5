using ContactCenter.Agents.Directory;
using ContactCenter.Hosting.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Agents.Api;

/// <summary>Queues under <c>/api/admin/queues/{server}/{queue}</c>: a queue is named per Asterisk server.</summary>
internal static class AdminQueueEndpoints
{
    public static void MapAdminQueueEndpoints(this RouteGroupBuilder admin)
    {
        var queues = admin.MapGroup("/queues");
        queues.MapGet("/", ListAsync).WithSummary("Queues by server and name, optionally of one server (offset; limit 100 by default, at most 1000)");
        queues.MapGet("/{server}/{queue}", GetAsync).WithSummary("A queue");
        queues.MapPut("/{server}/{queue}", PutAsync).WithSummary("Create or replace a queue: display name, wrap-up seconds (as in queues.conf)");
        queues.MapDelete("/{server}/{queue}", DeleteAsync).WithSummary("Delete a queue (409 while agents are linked to it or logged in to it)");
    }

    private static QueueResponse Response(QueueRecord q) => new(q.Server, q.Name, q.DisplayName, q.WrapupSeconds);

    private static RequestErrors KeyErrors(string server, string queue) =>
        new RequestErrors().Check("server", AdminRules.Server(server)).Check("queue", AdminRules.QueueName(queue));

    private static async Task<Results<Ok<IReadOnlyList<QueueResponse>>, ValidationProblem>> ListAsync(string? server, string? offset, string? limit,
        QueueAdmin queues, CancellationToken ct)
    {
        var errors = new RequestErrors().Check("server", server is null ? null : AdminRules.Server(server));
        var page = AdminRules.Page(offset, limit, errors);
        if (errors.Problem is { } problem)
        {
            return problem;
        }
        var list = await queues.ListAsync(server, page.Offset, page.Limit, ct);
        return TypedResults.Ok<IReadOnlyList<QueueResponse>>(list.Select(Response).ToList());
    }

    private static async Task<Results<Ok<QueueResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(string server, string queue, QueueAdmin queues, CancellationToken ct)
    {
        if (KeyErrors(server, queue).Problem is { } problem)
        {
            return problem;
        }
        return await queues.GetAsync(server, queue, ct) is { } found ? TypedResults.Ok(Response(found)) : ApiProblems.NotFound("queue", $"{server}/{queue}");
    }

    private static async Task<Results<Ok<QueueResponse>, Created<QueueResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(string server, string queue,
        QueueRequest? body, QueueAdmin queues, CancellationToken ct)
    {
        var errors = KeyErrors(server, queue)
            .Check("displayName", body?.DisplayName is null ? null : AdminRules.RequiredText(body.DisplayName))
            .Check("wrapupSeconds", AdminRules.Range(body?.WrapupSeconds, 0, AdminRules.MaxWrapupSeconds, required: true));
        if (errors.Problem is { } problem)
        {
            return problem;
        }
        var record = new QueueRecord { Server = server, Name = queue, DisplayName = body!.DisplayName?.Trim() ?? queue, WrapupSeconds = body.WrapupSeconds!.Value };
        var (saved, created) = await queues.UpsertAsync(record, ct);
        return AdminEndpoints.Saved(Response(saved), created, $"/api/admin/queues/{server}/{queue}");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(string server, string queue, QueueAdmin queues, CancellationToken ct)
    {
        if (KeyErrors(server, queue).Problem is { } problem)
        {
            return problem;
        }
        return AdminEndpoints.Deleted(await queues.DeleteAsync(server, queue, ct), "queue", $"{server}/{queue}");
    }
}
