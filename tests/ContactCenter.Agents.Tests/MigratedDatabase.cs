using ContactCenter.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Agents.Tests;

/// <summary>
/// A real SQLite file in a temporary folder, migrated, with the data services (and whatever else a test adds) built on
/// it; disposing it disposes the services, releases the pooled connections and deletes the folder.
/// </summary>
internal sealed class MigratedDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private MigratedDatabase(string folder, ServiceProvider services)
    {
        _folder = folder;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public Database Database => Services.GetRequiredService<Database>();

    /// <param name="prefix">Names the temporary folder, e.g. <c>cc-planner-</c>.</param>
    /// <param name="addServices">More registrations on the same configuration (a module under test).</param>
    public static async Task<MigratedDatabase> CreateAsync(string prefix, Action<IServiceCollection, IConfiguration>? addServices = null)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory(prefix).FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = Path.Combine(folder, "center.db") })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddContactCenterData(configuration);
        addServices?.Invoke(services, configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
        return new MigratedDatabase(folder, provider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
