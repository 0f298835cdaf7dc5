using Microsoft.AspNetCore.Builder;

namespace ContactCenter.Hosting.Api;

/// <summary>
/// How an endpoint declares who may call it. Every endpoint must: a test of the worker enumerates them
/// all and fails on one that declares nothing.
/// </summary>
public static class ApiAccessExtensions
{
    /// <summary>Callable by keys whose role includes <paramref name="role"/> (admin ⊇ supervisor ⊇ agent).</summary>
    public static TBuilder RequireApiRole<TBuilder>(this TBuilder builder, string role) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(role switch
        {
            ApiRoles.Agent => ApiPolicies.Agent,
            ApiRoles.Supervisor => ApiPolicies.Supervisor,
            ApiRoles.Admin => ApiPolicies.Admin,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown API role"),
        });

    /// <summary>
    /// Callable by an agent key acting on its own <c>{agent}</c> route value, and by keys whose role
    /// includes <paramref name="role"/> (supervisor or admin) for any agent. The check is an authorization
    /// policy, so it runs before the request body is read: a wrong agent gets 403, never a 400.
    /// </summary>
    public static TBuilder RequireSelfOrRole<TBuilder>(this TBuilder builder, string role = ApiRoles.Supervisor) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(role switch
        {
            ApiRoles.Supervisor => ApiPolicies.SelfOrSupervisor,
            ApiRoles.Admin => ApiPolicies.SelfOrAdmin,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "RequireSelfOrRole takes supervisor or admin"),
        });
}
