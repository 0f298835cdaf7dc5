using System.Net.Http.Headers;
using ContactCenter.Worker.Modules;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Worker.Tests;

/// <summary>
/// The real worker host, in-process, on Kestrel at an ephemeral loopback port, with a temp SQLite file,
/// the test keys and the <see cref="PingModule"/>. Settings passed in override the defaults.
/// </summary>
internal sealed class TestWorker : IAsyncDisposable
{
    private TestWorker(WebApplication app, string folder, CapturingLoggerProvider logs)
    {
        App = app;
        Folder = folder;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public string Folder { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Http { get; }

    public PingLog Pings => App.Services.GetRequiredService<PingLog>();

    public static async Task<TestWorker> StartAsync(CancellationToken ct, IDictionary<string, string?>? settings = null, IReadOnlyList<WorkerModule>? modules = null)
    {
        var folder = Directory.CreateTempSubdirectory("cc-worker-").FullName;
        var logs = new CapturingLoggerProvider();
        var app = ContactCenterHost.Build(CreateBuilder(folder, logs, settings, modules));
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
            throw;
        }
        return new TestWorker(app, folder, logs);
    }

    public static WebApplicationBuilder CreateBuilder(string folder, CapturingLoggerProvider logs, IDictionary<string, string?>? settings = null, IReadOnlyList<WorkerModule>? modules = null)
    {
        var all = DefaultSettings(folder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return ContactCenterHost.CreateBuilder([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(all);
            builder.Logging.ClearProviders().AddProvider(logs);
        }, modules ?? [.. WorkerModules.All, PingModule.Module]);
    }

    public static Dictionary<string, string?> DefaultSettings(string folder)
    {
        var settings = TestKeys.Settings();
        settings["Database:ConnectionString"] = Path.Combine(folder, "center.db");
        settings["Connector:StatePath"] = Path.Combine(folder, "connector.db");
        settings["Bus:Retry:Limit"] = "2";
        settings["Bus:Retry:MinInterval"] = "00:00:00.010";
        settings["Bus:Retry:MaxInterval"] = "00:00:00.050";
        settings["Logging:LogLevel:Default"] = "Debug";
        settings["Demo:Enabled"] = "false";
        return settings;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, CancellationToken ct, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        return await Http.SendAsync(request, ct);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
