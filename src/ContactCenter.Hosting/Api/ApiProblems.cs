using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Hosting.Api;

/// <summary>Problem-details answers with the shapes every module uses (RFC 9457).</summary>
public static class ApiProblems
{
    /// <summary>400 naming the field and the reason: <c>{"errors": {"extension": ["is not configured"]}}</c>.</summary>
    public static ValidationProblem Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });

    /// <summary>400 for several fields at once.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);

    /// <summary>404 for something the center does not know: <c>NotFound("Agent", "1001")</c>.</summary>
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found", detail: $"{what} '{id}' does not exist");
}
