using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Contracts;
using ContactCenter.Data;
using ContactCenter.PbxSimulator;
using ContactCenter.Worker;
using ContactCenter.Worker.Modules;
using Dapper;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pbx = ContactCenter.PbxSimulator.PbxSimulator;

namespace ContactCenter.Agents.Tests.EndToEnd;

/// <summary>
/// The whole product for agent tests: the real worker composition (connector and agents modules, HTTP API)
/// with a real RabbitMQ virtual host, a SQLite file, and the simulator standing in for Asterisk as server
/// <c>pbx1</c>. A collector endpoint on the same bus receives every event, as a supervisor view would.
/// </summary>
internal sealed class AgentsSystem : IAsyncDisposable
{
    public const string Server = "pbx1";
    public const string SupervisorKey = "supervisor-key-for-tests-0123456789abcdef";
    public const string Agent210Key = "agent-210-key-for-tests-0123456789abcdef";

    private static readonly Type[] EventTypes = typeof(IContactCenterEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(IContactCenterEvent).IsAssignableFrom(t)).ToArray();

    private readonly string _vhost;
    private readonly string _folder;

    private AgentsSystem(Pbx sim, WebApplication app, EventCollector events, string vhost, string folder)
    {
        Sim = sim;
        App = app;
        Events = events;
        _vhost = vhost;
        _folder = folder;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public Pbx Sim { get; }

    public WebApplication App { get; }

    public EventCollector Events { get; }

    public HttpClient Http { get; }

    public Database Database => App.Services.GetRequiredService<Database>();

    public static async Task<AgentsSystem> StartAsync(IDictionary<string, string?>? overrides = null, Action<PbxSimulatorOptions>? simulator = null,
        ILoggerProvider? logs = null)
    {
        RabbitMqBroker.RequireRunning();
        var simOptions = new PbxSimulatorOptions { Secret = "amisecret", Agents = 4 };
        simOptions.AriUsers["cc"] = "ccsecret";
        simulator?.Invoke(simOptions);
        var sim = await Pbx.StartAsync(simOptions);
        var vhost = RabbitMqBroker.CreateVirtualHost();
        var folder = System.IO.Directory.CreateTempSubdirectory("cc-agents-").FullName;
        var events = new EventCollector();
        var settings = Settings(sim, vhost, folder);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var builder = ContactCenterHost.CreateBuilder([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(settings);
            b.Logging.ClearProviders();
            if (logs is not null)
            {
                b.Logging.AddProvider(logs);
            }
            b.Services.AddSingleton(events);
        }, [.. WorkerModules.All, CollectorModule()]);
        var app = ContactCenterHost.Build(builder);
        await app.StartAsync();
        var system = new AgentsSystem(sim, app, events, vhost, folder);
        await system.SeedDirectoryAsync();
        await events.WaitUntilAsync(e => e.OfType<Contracts.Asterisk.AsteriskResynchronized>().Any(), TimeSpan.FromSeconds(20), "the connector's first resync");
        return system;
    }

    /// <summary>A test-only module on a role the product does not use yet, receiving every event type.</summary>
    private static WorkerModule CollectorModule() => new(WorkerRoles.Calls)
    {
        AddConsumers = bus =>
        {
            foreach (var type in EventTypes)
            {
                bus.AddConsumer(typeof(Collect<>).MakeGenericType(type)).ExcludeFromConfigureEndpoints();
            }
        },
        ConfigureEndpoints = (cfg, context) => cfg.ReceiveEndpoint("test-collector", endpoint =>
        {
            foreach (var type in EventTypes)
            {
                endpoint.ConfigureConsumer(context, typeof(Collect<>).MakeGenericType(type));
            }
        }),
    };

    private static Dictionary<string, string?> Settings(Pbx sim, string vhost, string folder) => new()
    {
        ["Database:ConnectionString"] = Path.Combine(folder, "center.db"),
        ["Connector:StatePath"] = Path.Combine(folder, "connector.db"),
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:RabbitMq:Host"] = RabbitMqBroker.Host,
        ["Bus:RabbitMq:Port"] = RabbitMqBroker.Port.ToString(CultureInfo.InvariantCulture),
        ["Bus:RabbitMq:VirtualHost"] = vhost,
        ["Bus:RabbitMq:Username"] = RabbitMqBroker.Username,
        ["Bus:RabbitMq:Password"] = RabbitMqBroker.Password,
        ["Bus:Retry:Limit"] = "3",
        ["Bus:Retry:MinInterval"] = "00:00:00.020",
        ["Bus:Retry:MaxInterval"] = "00:00:00.200",
        ["Asterisk:Servers:0:Name"] = Server,
        ["Asterisk:Servers:0:Ami:Host"] = "127.0.0.1",
        ["Asterisk:Servers:0:Ami:Port"] = sim.AmiPort.ToString(CultureInfo.InvariantCulture),
        ["Asterisk:Servers:0:Ami:Username"] = sim.Options.Username,
        ["Asterisk:Servers:0:Ami:Secret"] = sim.Options.Secret,
        ["Asterisk:Servers:0:Ami:ReconnectInitialDelay"] = "00:00:00.050",
        ["Asterisk:Servers:0:Ami:ReconnectMaxDelay"] = "00:00:00.500",
        ["Asterisk:Servers:0:Ari:BaseUrl"] = sim.AriBaseUrl.ToString(),
        ["Asterisk:Servers:0:Ari:Username"] = "cc",
        ["Asterisk:Servers:0:Ari:Password"] = "ccsecret",
        ["Asterisk:Servers:0:Ari:ReconnectInitialDelay"] = "00:00:00.050",
        ["Asterisk:Servers:0:Ari:ReconnectMaxDelay"] = "00:00:00.500",
        ["Agents:TimeZone"] = "America/Argentina/Buenos_Aires",
        ["Api:Keys:0:Name"] = "floor-lead",
        ["Api:Keys:0:Role"] = "supervisor",
        ["Api:Keys:0:Hash"] = Sha256(SupervisorKey),
        ["Api:Keys:1:Name"] = "ana",
        ["Api:Keys:1:Role"] = "agent",
        ["Api:Keys:1:Agent"] = "210",
        ["Api:Keys:1:Hash"] = Sha256(Agent210Key),
    };

    /// <summary>Agents 210 (support, sales), 211 (support), 212 (inactive), 213 (no queue); phones 6001-6004; pause codes 1 and 13.</summary>
    private Task SeedDirectoryAsync() => Database.InTransactionAsync(async (c, tx, ct) =>
    {
        var now = DateTime.UtcNow;
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO agent (agent_number, name, pin_hash, active, created_at) VALUES (@N, @Name, NULL, @Active, @Now)",
            new[] { ("210", "Ana", true), ("211", "Bruno", true), ("212", "Carla", false), ("213", "Diego", true) }
                .Select(a => new { N = a.Item1, Name = a.Item2, Active = a.Item3, Now = now }), tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO extension (interface, server, description) VALUES (@I, @S, @I)",
            Enumerable.Range(6001, 4).Select(n => new { I = $"PJSIP/{n}", S = Server }), tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO queue (server, name, display_name, wrapup_seconds) VALUES (@S, @Name, @Name, @Wrap)",
            new[] { new { S = Server, Name = "support", Wrap = 1 }, new { S = Server, Name = "sales", Wrap = 1 } }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO agent_queue (agent_number, server, queue, penalty) VALUES (@A, @S, @Q, 0)",
            new[] { ("210", "support"), ("210", "sales"), ("211", "support"), ("212", "support") }.Select(l => new { A = l.Item1, S = Server, Q = l.Item2 }), tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO pause_code (code, name, productive, active) VALUES (@Code, @Name, @Productive, 1)",
            new[] { new { Code = "1", Name = "Break", Productive = false }, new { Code = "13", Name = "Training", Productive = true } }, tx, cancellationToken: ct));
    }, CancellationToken.None);

    public async Task<T> QueryAsync<T>(string sql, object? args = null) =>
        await Database.WithConnectionAsync((c, ct) => c.QuerySingleAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct)), CancellationToken.None);

    public async Task<IReadOnlyList<T>> QueryListAsync<T>(string sql, object? args = null) =>
        (await Database.WithConnectionAsync((c, ct) => c.QueryAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct)), CancellationToken.None)).ToList();

    /// <summary>Reads until <paramref name="done"/> holds (consumers commit a moment after the events they publish), up to 10 s; returns the last read.</summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
            value = await read();
        }
        return value;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Sim.DisposeAsync();
        RabbitMqBroker.DeleteVirtualHost(_vhost);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp cleaner.
        }
    }

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
