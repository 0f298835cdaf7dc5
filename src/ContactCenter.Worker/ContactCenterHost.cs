using ContactCenter.Hosting.Health;
using ContactCenter.Worker.Api;
using ContactCenter.Worker.Bus;
using ContactCenter.Worker.Demo;
using ContactCenter.Worker.Health;
using ContactCenter.Worker.Migrations;
using ContactCenter.Worker.Modules;

namespace ContactCenter.Worker;

/// <summary>
/// The composition root, split in two so tests start the real host in-process:
/// <see cref="CreateBuilder"/> registers services, <see cref="Build"/> wires the request pipeline.
/// </summary>
public static partial class ContactCenterHost
{
    /// <summary>Environment variables with this prefix override configuration: <c>ContactCenter__Bus__RabbitMq__Password</c>.</summary>
    public const string EnvironmentPrefix = "ContactCenter__";

    /// <param name="args">Command-line arguments (<c>--Roles=api</c>).</param>
    /// <param name="configure">Runs after the default configuration sources, before anything reads them (tests add settings here).</param>
    /// <param name="modules">The modules to choose from by role; <see cref="WorkerModules.All"/> by default.</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, Action<WebApplicationBuilder>? configure = null, IReadOnlyList<WorkerModule>? modules = null)
    {
        // appsettings.json is read from beside the executable, wherever the worker is started from. It is read once:
        // settings are validated at start and not reloaded, so no file watcher runs (one cost 6 % of a core in bursts).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
            ContentRootPath = AppContext.BaseDirectory,
        });
        AddConfigurationSources(builder.Configuration, args);
        ConfigureLogging(builder.Logging);
        configure?.Invoke(builder);

        var roles = WorkerRoles.From(builder.Configuration[WorkerRoles.Key]);
        var available = (modules ?? WorkerModules.All).ToList();
        if (DemoMode.Configure(builder.Configuration) is { } demo)
        {
            // First, so the simulated Asterisk listens before the connector dials it and stops after it.
            available.Insert(0, demo);
        }
        var enabled = SelectModules(available, roles);
        var services = builder.Services;
        services.AddSingleton(roles);
        services.AddSingleton(new EnabledModules(enabled));

        services.AddContactCenterData(builder.Configuration);
        services.AddHostedService<DatabaseStartup>();          // first: the schema is current before anything consumes
        services.AddContactCenterHealth();
        services.AddProblemDetails();
        if (roles.IsEnabled(WorkerRoles.Api))
        {
            services.AddContactCenterApi(builder.Configuration);
        }
        foreach (var module in enabled)
        {
            module.AddServices?.Invoke(services, builder.Configuration);
        }
        services.AddContactCenterBus(builder.Configuration, enabled);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        var roles = app.Services.GetRequiredService<WorkerRoles>();
        var modules = app.Services.GetRequiredService<EnabledModules>().Modules;

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapContactCenterHealth();
        if (roles.IsEnabled(WorkerRoles.Api))
        {
            app.UseContactCenterApi();
            foreach (var module in modules)
            {
                module.MapEndpoints?.Invoke(app);
            }
        }
        var bus = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BusOptions>>().Value;
        LogStarting(app.Logger, roles.ToString(), string.Join(",", modules.Select(m => m.Role)), bus.Describe());
        return app;
    }

    internal static void AddConfigurationSources(IConfigurationManager configuration, string[] args)
    {
        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        // Again, so the command line keeps the last word over the prefixed environment.
        configuration.AddCommandLine(args);
    }

    internal static void ConfigureLogging(ILoggingBuilder logging) =>
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });

    private static List<WorkerModule> SelectModules(IReadOnlyList<WorkerModule> modules, WorkerRoles roles)
    {
        var unknown = modules.FirstOrDefault(m => !WorkerRoles.Known.Contains(m.Role));
        if (unknown is not null)
        {
            throw new InvalidOperationException($"A module declares role '{unknown.Role}', which is not one of {string.Join(", ", WorkerRoles.Known)}");
        }
        return modules.Where(m => roles.IsEnabled(m.Role)).ToList();
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "ContactCenter worker: roles {Roles}; modules loaded for roles {Modules}; bus {Bus}")]
    private static partial void LogStarting(ILogger logger, string roles, string modules, string bus);
}
