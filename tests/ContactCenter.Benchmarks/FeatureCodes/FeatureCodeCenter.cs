using System.Diagnostics;
using System.Globalization;
using ContactCenter.Benchmarks.Harness;
using ContactCenter.Connector;
using ContactCenter.Data;
using ContactCenter.PbxSimulator;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pbx = ContactCenter.PbxSimulator.PbxSimulator;

namespace ContactCenter.Benchmarks.FeatureCodes;

/// <summary>
/// The product path of a feature code, composed as in the agents end-to-end tests: the simulator in this process
/// (wall clock) with N phones, the worker with <c>Roles=connector,agents</c> on a fresh RabbitMQ virtual host and a
/// SQLite file, and a directory of N agents (1001…) on N extensions (PJSIP/6001…) linked to the support queue.
/// </summary>
internal sealed class FeatureCodeCenter : IAsyncDisposable
{
    public const string Queue = "support";
    public const string PauseCode = "1";

    private readonly RabbitMqVirtualHost _vhost;
    private readonly string _folder;

    private FeatureCodeCenter(Pbx sim, WebApplication app, RabbitMqVirtualHost vhost, string folder, int agents, WarningLog logs)
    {
        Sim = sim;
        App = app;
        _vhost = vhost;
        _folder = folder;
        Agents = agents;
        Logs = logs;
    }

    public Pbx Sim { get; }

    public WebApplication App { get; }

    public int Agents { get; }

    public WarningLog Logs { get; }

    public ConnectorMetrics Metrics => App.Services.GetRequiredService<ConnectorMetrics>();

    public static string Phone(int i) => (6001 + i).ToString(CultureInfo.InvariantCulture);

    public static string Agent(int i) => (1001 + i).ToString(CultureInfo.InvariantCulture);

    public static async Task<FeatureCodeCenter> StartAsync(int agents, CancellationToken ct)
    {
        var logs = new WarningLog();
        var vhost = RabbitMqVirtualHost.Create();
        var folder = Directory.CreateTempSubdirectory("cc-featurecode-").FullName;
        var sim = await Pbx.StartAsync(new PbxSimulatorOptions { Clock = SimClockMode.RealTime, Agents = agents }, cancellationToken: ct);
        var app = await CenterHost.StartAsync(CenterHost.Settings("connector,agents", folder, vhost.Name, sim.AmiPort, sim.AriBaseUrl), logs, ct);
        var center = new FeatureCodeCenter(sim, app, vhost, folder, agents, logs);
        await center.SeedAsync(ct);
        await center.WaitUntilReadyAsync(ct);
        return center;
    }

    /// <summary>Rows of the center's database matching a count query.</summary>
    public async Task<long> CountAsync(string sql, CancellationToken ct) =>
        await App.Services.GetRequiredService<Database>().WithConnectionAsync(
            (c, token) => c.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { Server = CenterHost.Server, Queue }, cancellationToken: token)), ct);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Sim.DisposeAsync();
        _vhost.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Task SeedAsync(CancellationToken ct) => App.Services.GetRequiredService<Database>().InTransactionAsync(async (c, tx, token) =>
    {
        var now = DateTime.UtcNow;
        var all = Enumerable.Range(0, Agents).ToList();
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO agent (agent_number, name, pin_hash, active, created_at) VALUES (@N, @Name, NULL, 1, @Now)",
            all.Select(i => new { N = Agent(i), Name = "Agent " + Agent(i), Now = now }), tx, cancellationToken: token));
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO extension (interface, server, description) VALUES (@I, @S, @I)",
            all.Select(i => new { I = "PJSIP/" + Phone(i), S = CenterHost.Server }), tx, cancellationToken: token));
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO queue (server, name, display_name, wrapup_seconds) VALUES (@S, @Q, @Q, 0)",
            new { S = CenterHost.Server, Q = Queue }, tx, cancellationToken: token));
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO agent_queue (agent_number, server, queue, penalty) VALUES (@A, @S, @Q, 0)",
            all.Select(i => new { A = Agent(i), S = CenterHost.Server, Q = Queue }), tx, cancellationToken: token));
        await c.ExecuteAsync(new CommandDefinition("INSERT INTO pause_code (code, name, productive, active) VALUES (@Code, 'Break', 0, 1)",
            new { Code = PauseCode }, tx, cancellationToken: token));
    }, ct);

    /// <summary>
    /// Ready: AMI and ARI connected (the connector's readiness check), and the start-up traffic (resync, connection
    /// events, the membership snapshot) published, so the first burst does not share the pipe with it.
    /// </summary>
    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var health = App.Services.GetRequiredService<HealthCheckService>();
        var deadline = Stopwatch.StartNew();
        while ((await health.CheckHealthAsync(r => r.Tags.Contains("ready"), ct)).Status != HealthStatus.Healthy || Sim.StasisApplications.Count == 0)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException("The worker was not ready (AMI, ARI, bus, database) within 60 s");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
        var quiet = 0;
        var published = -1L;
        while (quiet < 10 && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            quiet = Metrics.PublishedEvents == published && published > 0 ? quiet + 1 : 0;
            published = Metrics.PublishedEvents;
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
    }
}
