using ContactCenter.Agents.Directory;
using ContactCenter.Hosting.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Agents.Api;

/// <summary>
/// The admin API under <c>/api/admin</c>: agents, extensions, queues, agent↔queue links and pause codes. Access is
/// declared once, on the group, so an endpoint added here cannot forget it. PUT creates (201) or replaces (200).
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin").RequireApiRole(ApiRoles.Admin).WithTags("Admin");
        admin.MapAdminAgentEndpoints();
        admin.MapAdminExtensionEndpoints();
        admin.MapAdminQueueEndpoints();
        admin.MapAdminPauseCodeEndpoints();
    }

    /// <summary>409: something still refers to what was to be deleted.</summary>
    public static ProblemHttpResult InUse(string? detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "In use");

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> Deleted(DeleteResult result, string what, string id) => result.Outcome switch
    {
        DeleteOutcome.Deleted => TypedResults.NoContent(),
        DeleteOutcome.InUse => InUse(result.Detail),
        _ => ApiProblems.NotFound(what, id),
    };

    public static Results<Ok<T>, Created<T>, ValidationProblem, ProblemHttpResult> Saved<T>(T body, bool created, string location) =>
        created ? TypedResults.Created(location, body) : TypedResults.Ok(body);

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
