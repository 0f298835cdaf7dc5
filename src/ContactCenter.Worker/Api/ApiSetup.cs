using ContactCenter.Hosting.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ContactCenter.Worker.Api;

/// <summary>
/// The HTTP API platform (role <c>api</c>): API key authentication, the role policies, problem details and
/// the OpenAPI document. Policies: <c>api:agent</c> any key; <c>api:supervisor</c> supervisor or admin;
/// <c>api:admin</c> admin; <c>api:self-or-supervisor</c> / <c>api:self-or-admin</c> an agent key on its own
/// <c>{agent}</c> or the named role and above. Admin includes supervisor everywhere. An endpoint that
/// declares nothing falls back to "any valid key", and a test refuses such an endpoint anyway.
/// </summary>
internal static class ApiSetup
{
    public static IServiceCollection AddContactCenterApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddSingleton<ConfiguredApiKeyStore>();
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<ConfiguredApiKeyStore>());

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, SelfOrRoleHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Agent, p => p.RequireRole(ApiRoles.Agent, ApiRoles.Supervisor, ApiRoles.Admin))
            .AddPolicy(ApiPolicies.Supervisor, p => p.RequireRole(ApiRoles.Supervisor, ApiRoles.Admin))
            .AddPolicy(ApiPolicies.Admin, p => p.RequireRole(ApiRoles.Admin))
            .AddPolicy(ApiPolicies.SelfOrSupervisor, p => p.RequireAuthenticatedUser().AddRequirements(new SelfOrRoleRequirement(ApiRoles.Supervisor)))
            .AddPolicy(ApiPolicies.SelfOrAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new SelfOrRoleRequirement(ApiRoles.Admin)))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());

        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ContactCenter API";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key (role agent, supervisor or admin); `Authorization: ApiKey <key>` is accepted too.",
            };
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication UseContactCenterApi(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    private sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
    {
        public ValidateOptionsResult Validate(string? name, ApiOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
