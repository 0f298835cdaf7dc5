using Dapper;

namespace ContactCenter.Data.Tests.Migrations;

public sealed class MigrationRunnerTests
{
    private static MigrationScriptSet Scripts(params (string Name, string Text)[] files) => MigrationScriptSet.FromFiles(files);

    [Test, CancelAfter(30_000)]
    public async Task Migrations_apply_once_and_are_journaled_with_checksum_and_utc_time(CancellationToken ct)
    {
        using var db = new TempDatabase();
        var before = DateTime.UtcNow.AddSeconds(-1);

        var applied = await db.CreateRunner().ApplyAsync(ct);

        var embedded = MigrationScriptSet.Embedded.For(SqlDialect.Sqlite);
        Assert.That(applied, Is.EqualTo(embedded.Select(s => s.Id)));
        Assert.That(applied[0], Is.EqualTo("0001_processed_message"));
        using var raw = db.OpenRaw();
        var rows = raw.Query<(string ScriptId, string Checksum, string AppliedAt)>("SELECT script_id, checksum, applied_at FROM schema_journal ORDER BY script_id").ToList();
        Assert.That(rows.Select(r => r.ScriptId), Is.EqualTo(embedded.Select(s => s.Id)));
        Assert.That(rows.Select(r => r.Checksum), Is.EqualTo(embedded.Select(s => s.Checksum)));
        Assert.That(rows[0].Checksum, Has.Length.EqualTo(64));
        var appliedAt = DateTime.Parse(rows[0].AppliedAt, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(appliedAt, Is.InRange(before, DateTime.UtcNow.AddSeconds(1)), "applied_at is UTC");
        Assert.That(raw.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'processed_message'"), Is.EqualTo(1));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_second_run_is_a_no_op(CancellationToken ct)
    {
        using var db = new TempDatabase();
        await db.CreateRunner().ApplyAsync(ct);

        var again = await db.CreateRunner().ApplyAsync(ct);

        Assert.That(again, Is.Empty);
        Assert.That(await db.CreateRunner().PendingAsync(ct), Is.Empty);
        using var raw = db.OpenRaw();
        Assert.That(raw.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_journal"), Is.EqualTo(MigrationScriptSet.Embedded.For(SqlDialect.Sqlite).Count));
    }

    [Test, CancelAfter(30_000)]
    public async Task New_scripts_are_applied_in_number_order_after_the_applied_ones(CancellationToken ct)
    {
        using var db = new TempDatabase();
        var v1 = Scripts(("Migrations/Common/0001_first.sql", "CREATE TABLE log (n INTEGER NOT NULL);\nINSERT INTO log VALUES (1);"));
        var v2 = Scripts(
            ("Migrations/Common/0001_first.sql", "CREATE TABLE log (n INTEGER NOT NULL);\nINSERT INTO log VALUES (1);"),
            ("Migrations/Common/0003_third.sql", "INSERT INTO log VALUES (3);"),
            ("Migrations/Sqlite/0002_second.sql", "INSERT INTO log VALUES (2);"),
            ("Migrations/SqlServer/0002_second.sql", "INSERT INTO log VALUES (2);"));
        await db.CreateRunner(v1).ApplyAsync(ct);

        var applied = await db.CreateRunner(v2).ApplyAsync(ct);

        Assert.That(applied, Is.EqualTo(new[] { "0002_second", "0003_third" }));
        using var raw = db.OpenRaw();
        Assert.That(raw.Query<long>("SELECT n FROM log ORDER BY rowid"), Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test, CancelAfter(30_000)]
    public async Task An_applied_script_whose_text_changed_is_refused_naming_it(CancellationToken ct)
    {
        using var db = new TempDatabase();
        await db.CreateRunner(Scripts(("Migrations/Common/0001_agents.sql", "CREATE TABLE agents (id TEXT);"))).ApplyAsync(ct);
        var edited = Scripts(("Migrations/Common/0001_agents.sql", "CREATE TABLE agents (id TEXT, name TEXT);"));

        var error = Assert.ThrowsAsync<MigrationException>(() => db.CreateRunner(edited).ApplyAsync(ct))!;

        Assert.That(error.Message, Does.Contain("0001_agents").And.Contain("never edit an applied script"));
        Assert.ThrowsAsync<MigrationException>(() => db.CreateRunner(edited).PendingAsync(ct));
    }

    [Test, CancelAfter(30_000)]
    public async Task Line_endings_alone_do_not_count_as_an_edit(CancellationToken ct)
    {
        using var db = new TempDatabase();
        await db.CreateRunner(Scripts(("Migrations/Common/0001_agents.sql", "CREATE TABLE agents (\n id TEXT\n);"))).ApplyAsync(ct);

        var applied = await db.CreateRunner(Scripts(("Migrations/Common/0001_agents.sql", "CREATE TABLE agents (\r\n id TEXT\r\n);"))).ApplyAsync(ct);

        Assert.That(applied, Is.Empty);
    }

    [Test, CancelAfter(30_000)]
    public async Task A_failing_script_is_rolled_back_whole_and_not_journaled(CancellationToken ct)
    {
        using var db = new TempDatabase();
        var scripts = Scripts(
            ("Migrations/Common/0001_good.sql", "CREATE TABLE good (id TEXT);"),
            ("Migrations/Common/0002_bad.sql", "CREATE TABLE half (id TEXT);\nINSERT INTO no_such_table VALUES (1);"));

        var error = Assert.ThrowsAsync<MigrationException>(() => db.CreateRunner(scripts).ApplyAsync(ct))!;

        Assert.That(error.Message, Does.Contain("Migrations/Common/0002_bad.sql").And.Contain("no_such_table"));
        using var raw = db.OpenRaw();
        Assert.That(raw.Query<string>("SELECT script_id FROM schema_journal"), Is.EqualTo(new[] { "0001_good" }));
        Assert.That(raw.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'"), Is.Zero, "the script's first statement was rolled back");
    }

    [Test, CancelAfter(60_000)]
    public async Task Runners_started_together_on_one_file_apply_each_script_once(CancellationToken ct)
    {
        // Every script fails if applied twice (CREATE TABLE without IF NOT EXISTS), and the counter table
        // records each application: a double apply shows either as an error or as a second row.
        var files = new List<(string, string)> { ("Migrations/Common/0001_counter.sql", "CREATE TABLE applied (script INTEGER NOT NULL);\nINSERT INTO applied VALUES (1);") };
        for (var n = 2; n <= 8; n++)
        {
            files.Add(($"Migrations/Common/{n:0000}_step.sql", $"CREATE TABLE t{n} (id TEXT);\nINSERT INTO applied VALUES ({n});"));
        }
        var scripts = MigrationScriptSet.FromFiles(files);
        for (var round = 0; round < 5; round++)
        {
            using var db = new TempDatabase();
            var workers = Enumerable.Range(0, 4).Select(_ => db.CreateRunner(scripts, db.CreateDatabase())).ToList();
            using var go = new ManualResetEventSlim();

            var runs = workers.Select(w => Task.Run(async () =>
            {
                go.Wait(ct);
                return await w.ApplyAsync(ct);
            }, ct)).ToList();
            go.Set();
            var results = await Task.WhenAll(runs);

            Assert.That(results.SelectMany(r => r).Order(), Is.EqualTo(scripts.For(SqlDialect.Sqlite).Select(s => s.Id).Order()),
                "each script applied by exactly one runner");
            using var raw = db.OpenRaw();
            Assert.That(raw.Query<long>("SELECT script FROM applied ORDER BY script"), Is.EqualTo(Enumerable.Range(1, 8).Select(i => (long)i)));
            Assert.That(raw.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_journal"), Is.EqualTo(8));
        }
    }
}
