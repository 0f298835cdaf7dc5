using ContactCenter.Agents.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Agents.Api;

/// <summary>
/// Extensions under <c>/api/admin/extensions</c>. An interface holds a '/', which a route segment cannot carry
/// unescaped, so it travels in the body (PUT) or the query string (DELETE).
/// </summary>
internal static class AdminExtensionEndpoints
{
    public static void MapAdminExtensionEndpoints(this RouteGroupBuilder admin)
    {
        var extensions = admin.MapGroup("/extensions");
        extensions.MapGet("/", ListAsync).WithSummary("Extensions by interface, optionally of one server (offset; limit 100 by default, at most 1000)");
        extensions.MapPut("/", PutAsync).WithSummary("Create or replace the extension with the body's interface (e.g. PJSIP/6001)");
        extensions.MapDelete("/", DeleteAsync).WithSummary("Delete the extension ?interface=PJSIP/6001 (409 while an agent is logged in at it)");
    }

    private static ExtensionResponse Response(ExtensionRecord e) => new(e.Interface, e.Server, e.Description);

    private static async Task<Results<Ok<IReadOnlyList<ExtensionResponse>>, ValidationProblem>> ListAsync(string? server, string? offset, string? limit,
        ExtensionAdmin extensions, CancellationToken ct)
    {
        var errors = new RequestErrors().Check("server", server is null ? null : AdminRules.Server(server));
        var page = AdminRules.Page(offset, limit, errors);
        if (errors.Problem is { } problem)
        {
            return problem;
        }
        var list = await extensions.ListAsync(server, page.Offset, page.Limit, ct);
        return TypedResults.Ok<IReadOnlyList<ExtensionResponse>>(list.Select(Response).ToList());
    }

    private static async Task<Results<Ok<ExtensionResponse>, Created<ExtensionResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(ExtensionRequest? body,
        ExtensionAdmin extensions, CancellationToken ct)
    {
        var @interface = body?.Interface?.Trim();
        var server = body?.Server?.Trim();
        var errors = new RequestErrors()
            .Check("interface", AdminRules.Interface(@interface))
            .Check("server", AdminRules.Server(server))
            .Check("description", AdminRules.OptionalText(body?.Description));
        if (errors.Problem is { } problem)
        {
            return problem;
        }
        var extension = new ExtensionRecord { Interface = @interface!, Server = server!, Description = body!.Description?.Trim() ?? string.Empty };
        var (saved, created) = await extensions.UpsertAsync(extension, ct);
        return AdminEndpoints.Saved(Response(saved), created, $"/api/admin/extensions?interface={Uri.EscapeDataString(saved.Interface)}");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(string? @interface, ExtensionAdmin extensions, CancellationToken ct)
    {
        if (new RequestErrors().Check("interface", AdminRules.Interface(@interface)).Problem is { } problem)
        {
            return problem;
        }
        return AdminEndpoints.Deleted(await extensions.DeleteAsync(@interface!, ct), "extension", @interface!);
    }
}
