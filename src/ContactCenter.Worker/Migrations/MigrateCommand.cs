using ContactCenter.Data;

namespace ContactCenter.Worker.Migrations;

/// <summary><c>ContactCenter.Worker migrate</c>: applies pending migrations with the worker's configuration and exits.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        ContactCenterHost.AddConfigurationSources(builder.Configuration, args);
        ContactCenterHost.ConfigureLogging(builder.Logging);
        builder.Services.AddContactCenterData(builder.Configuration);
        using var host = builder.Build();

        var database = host.Services.GetRequiredService<Database>();
        var applied = await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
        await output.WriteLineAsync(applied.Count == 0
            ? $"{database.Dialect} schema already up to date"
            : $"{database.Dialect} schema migrated: {string.Join(", ", applied)}");
        return 0;
    }
}
