using ContactCenter.Agents.Directory;
using ContactCenter.Hosting.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Agents.Api;

/// <summary>Pause codes under <c>/api/admin/pause-codes/{code}</c>: the digits an agent dials after <c>**2</c>.</summary>
internal static class AdminPauseCodeEndpoints
{
    public static void MapAdminPauseCodeEndpoints(this RouteGroupBuilder admin)
    {
        var codes = admin.MapGroup("/pause-codes");
        codes.MapGet("/", ListAsync).WithSummary("Pause codes, active or not");
        codes.MapPut("/{code}", PutAsync).WithSummary("Create or replace a pause code: name, productive, active");
        codes.MapDelete("/{code}", DeactivateAsync).WithSummary("Deactivate a pause code (kept, since history and statistics name it); pauses with it are refused");
    }

    private static PauseCodeResponse Response(PauseCodeRecord p) => new(p.Code, p.Name, p.Productive, p.Active);

    private static async Task<Ok<IReadOnlyList<PauseCodeResponse>>> ListAsync(PauseCodeAdmin codes, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<PauseCodeResponse>>((await codes.ListAsync(ct)).Select(Response).ToList());

    private static async Task<Results<Ok<PauseCodeResponse>, Created<PauseCodeResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(string code,
        PauseCodeRequest? body, PauseCodeAdmin codes, CancellationToken ct)
    {
        var errors = new RequestErrors()
            .Check("code", AdminRules.PauseCode(code))
            .Check("name", AdminRules.RequiredText(body?.Name))
            .Check("productive", body?.Productive is null ? "is required: true or false" : null);
        if (errors.Problem is { } problem)
        {
            return problem;
        }
        var record = new PauseCodeRecord { Code = code, Name = body!.Name!.Trim(), Productive = body.Productive!.Value, Active = body.Active ?? true };
        var (saved, created) = await codes.UpsertAsync(record, ct);
        return AdminEndpoints.Saved(Response(saved), created, $"/api/admin/pause-codes/{code}");
    }

    private static async Task<Results<Ok<PauseCodeResponse>, ValidationProblem, ProblemHttpResult>> DeactivateAsync(string code, PauseCodeAdmin codes, CancellationToken ct)
    {
        if (new RequestErrors().Check("code", AdminRules.PauseCode(code)).Problem is { } problem)
        {
            return problem;
        }
        return await codes.DeactivateAsync(code, ct) is { } saved ? TypedResults.Ok(Response(saved)) : ApiProblems.NotFound("pause code", code);
    }
}
