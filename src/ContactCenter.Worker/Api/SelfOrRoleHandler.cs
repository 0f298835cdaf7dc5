using System.Security.Claims;
using ContactCenter.Hosting.Api;
using Microsoft.AspNetCore.Authorization;

namespace ContactCenter.Worker.Api;

/// <summary>Met by a key whose role includes <see cref="Role"/>, or by an agent key acting on its own <c>{agent}</c>.</summary>
internal sealed record SelfOrRoleRequirement(string Role) : IAuthorizationRequirement;

internal sealed class SelfOrRoleHandler : AuthorizationHandler<SelfOrRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SelfOrRoleRequirement requirement)
    {
        var role = context.User.FindFirstValue(ClaimTypes.Role);
        if (role is null)
        {
            return Task.CompletedTask;
        }
        if (ApiRoles.Includes(role, requirement.Role))
        {
            context.Succeed(requirement);
        }
        else if (role == ApiRoles.Agent
                 && context.Resource is HttpContext http
                 && http.GetRouteValue(ApiPolicies.AgentRouteParameter)?.ToString() is { Length: > 0 } routeAgent
                 && string.Equals(routeAgent, context.User.FindFirstValue(ApiClaims.Agent), StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
