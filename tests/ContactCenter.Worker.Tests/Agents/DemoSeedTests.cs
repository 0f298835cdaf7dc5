using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Worker.Tests.Agents;

/// <summary><c>Agents:SeedDemoData</c>: the demo directory, written through the admin classes at start, the same however often the worker starts.</summary>
public sealed partial class DemoSeedTests
{
    private static readonly string[] Tables =
    [
        "SELECT agent_number, name, pin_hash, active, created_at FROM agent ORDER BY agent_number",
        "SELECT interface, server, description FROM extension ORDER BY interface",
        "SELECT server, name, display_name, wrapup_seconds FROM queue ORDER BY server, name",
        "SELECT agent_number, server, queue, penalty FROM agent_queue ORDER BY agent_number, server, queue",
        "SELECT code, name, productive, active FROM pause_code ORDER BY code",
    ];

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("cc-seed-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<List<List<string>>> StartAndSnapshotAsync(Dictionary<string, string?> settings, CancellationToken ct)
    {
        settings["Database:ConnectionString"] = Path.Combine(_folder, "center.db");
        await using var worker = await TestWorker.StartAsync(ct, settings);
        var snapshot = new List<List<string>>();
        foreach (var sql in Tables)
        {
            snapshot.Add(await AgentsApi.RowsAsync(Path.Combine(_folder, "center.db"), sql, ct));
        }
        return snapshot;
    }

    [Test, CancelAfter(60_000)]
    public async Task Starting_twice_with_the_demo_seed_leaves_the_same_rows(CancellationToken ct)
    {
        var settings = new Dictionary<string, string?> { ["Agents:SeedDemoData"] = "true" };

        var first = await StartAndSnapshotAsync(settings, ct);
        var second = await StartAndSnapshotAsync(settings, ct);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first[0].Select(r => string.Join("|", r.Split('|')[..4])), Is.EqualTo(new[] { "210|Ana|NULL|1", "211|Bruno|NULL|1", "212|Carla|NULL|1", "213|Diego|NULL|1" }));
        Assert.That(first[1], Is.EqualTo(new[] { "PJSIP/6001|demo|Demo phone 6001", "PJSIP/6002|demo|Demo phone 6002", "PJSIP/6003|demo|Demo phone 6003", "PJSIP/6004|demo|Demo phone 6004" }));
        Assert.That(first[2], Is.EqualTo(new[] { "demo|sales|Sales|10", "demo|support|Support|5" }));
        Assert.That(first[3], Is.EqualTo(new[]
        {
            "210|demo|sales|0", "210|demo|support|0", "211|demo|sales|0", "211|demo|support|0", "212|demo|support|0", "213|demo|sales|0",
        }));
        Assert.That(first[4], Is.EqualTo(new[] { "1|Break|0|1", "13|Training|1|1", "2|Lunch|0|1", "20|Back office|1|1" }));
    }

    [Test, CancelAfter(60_000)]
    public async Task The_demo_queues_have_the_wrap_up_of_the_shipped_queues_conf(CancellationToken ct)
    {
        var queues = (await StartAndSnapshotAsync(new() { ["Agents:SeedDemoData"] = "true" }, ct))[2]
            .Select(r => r.Split('|')).ToDictionary(r => r[1], r => int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture));
        var conf = WrapupByQueue(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "asterisk-config", "queues.conf"), ct));

        foreach (var (queue, wrapup) in queues)
        {
            Assert.That(conf, Does.ContainKey(queue), $"queues.conf has [{queue}]");
            Assert.That(wrapup, Is.EqualTo(conf[queue]), $"wrap-up of {queue}");
        }
    }

    [Test, CancelAfter(60_000)]
    public async Task The_demo_server_name_comes_from_configuration(CancellationToken ct)
    {
        var snapshot = await StartAndSnapshotAsync(new() { ["Agents:SeedDemoData"] = "true", ["Agents:DemoServer"] = "pbx-1" }, ct);

        Assert.That(snapshot[1].Concat(snapshot[2]).Concat(snapshot[3]).Where(r => !r.Contains("|pbx-1|", StringComparison.Ordinal) && !r.StartsWith("pbx-1|", StringComparison.Ordinal)),
            Is.Empty);
    }

    [Test, CancelAfter(60_000)]
    public async Task Without_the_setting_the_directory_starts_empty(CancellationToken ct)
    {
        var snapshot = await StartAndSnapshotAsync([], ct);

        Assert.That(snapshot.SelectMany(t => t), Is.Empty);
    }

    [Test]
    public void A_demo_server_name_the_connector_could_not_have_stops_the_start_naming_the_key()
    {
        var settings = new Dictionary<string, string?> { ["Agents:SeedDemoData"] = "true", ["Agents:DemoServer"] = "demo server" };

        var failure = Assert.Catch(() => TestWorker.CreateBuilder(_folder, new CapturingLoggerProvider(), settings));

        Assert.That(failure!.Message, Does.StartWith("Agents:DemoServer:"));
    }

    /// <summary>The <c>wrapuptime</c> each queue of a queues.conf ends up with, templates included.</summary>
    private static Dictionary<string, int> WrapupByQueue(string conf)
    {
        var sections = new Dictionary<string, (string? Template, int? Wrapup)>(StringComparer.Ordinal);
        string? current = null;
        foreach (var raw in conf.Split('\n'))
        {
            var line = raw.Split(';')[0].Trim();
            if (Section().Match(line) is { Success: true } section)
            {
                current = section.Groups["name"].Value;
                sections[current] = (section.Groups["template"].Success ? section.Groups["template"].Value : null, null);
            }
            else if (current is not null && Setting().Match(line) is { Success: true } setting)
            {
                sections[current] = (sections[current].Template, int.Parse(setting.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        int? Resolve(string name) => sections.TryGetValue(name, out var s) ? s.Wrapup ?? (s.Template is null ? null : Resolve(s.Template)) : null;
        return sections.Keys.Where(k => Resolve(k) is not null).ToDictionary(k => k, k => Resolve(k)!.Value, StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ContactCenter.sln")))
            {
                return folder.FullName;
            }
        }
        throw new AssertionException($"no ContactCenter.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^\[(?<name>[^\]]+)\](\((?<template>[^)!]+)\))?")]
    private static partial Regex Section();

    [GeneratedRegex(@"^wrapuptime\s*=\s*(?<value>\d+)")]
    private static partial Regex Setting();
}
