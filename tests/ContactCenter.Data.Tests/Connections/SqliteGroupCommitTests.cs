using Dapper;

namespace ContactCenter.Data.Tests.Connections;

/// <summary>One writer per SQLite file in the process: units that wait together commit together, each in its own savepoint.</summary>
public sealed class SqliteGroupCommitTests
{
    private const string Insert = "INSERT INTO t (id) VALUES (@Id)";

    private static async Task<TempDatabase> CreateAsync(CancellationToken ct)
    {
        var db = new TempDatabase();
        await db.Database.InTransactionAsync((c, tx, token) =>
            c.ExecuteAsync(new CommandDefinition("CREATE TABLE t (id TEXT NOT NULL CONSTRAINT pk_t PRIMARY KEY)", transaction: tx, cancellationToken: token)), ct);
        return db;
    }

    private static Task InsertAsync(Database database, string id, CancellationToken ct) =>
        database.InTransactionAsync((c, tx, token) => c.ExecuteAsync(new CommandDefinition(Insert, new { Id = id }, tx, cancellationToken: token)), ct);

    private static long Count(TempDatabase db)
    {
        using var raw = db.OpenRaw();
        return raw.ExecuteScalar<long>("SELECT COUNT(*) FROM t");
    }

    [Test, CancelAfter(30_000)]
    public async Task Units_that_wait_while_a_group_is_written_commit_together_in_the_next_one(CancellationToken ct)
    {
        using var db = await CreateAsync(ct);
        var before = db.Database.SqliteGroupsCommitted;
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = db.Database.InTransactionAsync(async (c, tx, token) =>
        {
            await c.ExecuteAsync(new CommandDefinition(Insert, new { Id = "first" }, tx, cancellationToken: token));
            holding.SetResult();
            await release.Task.WaitAsync(token);
        }, ct);
        await holding.Task.WaitAsync(ct);

        var waiting = Enumerable.Range(0, 40).Select(i => InsertAsync(db.Database, $"u{i}", ct)).ToList();
        release.SetResult();
        await first;
        await Task.WhenAll(waiting);

        Assert.That(Count(db), Is.EqualTo(41));
        Assert.That(db.Database.SqliteGroupsCommitted - before, Is.EqualTo(2), "the 40 units queued behind the first group commit as one");
    }

    [Test, CancelAfter(30_000)]
    public async Task A_unit_that_throws_is_rolled_back_alone_and_its_caller_gets_the_exception(CancellationToken ct)
    {
        using var db = await CreateAsync(ct);
        await InsertAsync(db.Database, "taken", ct);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = db.Database.InTransactionAsync(async (_, _, token) =>
        {
            holding.SetResult();
            await release.Task.WaitAsync(token);
        }, ct);
        await holding.Task.WaitAsync(ct);

        var before = InsertAsync(db.Database, "a", ct);
        var failing = db.Database.InTransactionAsync(async (c, tx, token) =>
        {
            await c.ExecuteAsync(new CommandDefinition(Insert, new { Id = "half" }, tx, cancellationToken: token));
            await c.ExecuteAsync(new CommandDefinition(Insert, new { Id = "taken" }, tx, cancellationToken: token));
        }, ct);
        var after = InsertAsync(db.Database, "b", ct);
        release.SetResult();
        await first;

        Assert.That(async () => await failing, Throws.InstanceOf<Microsoft.Data.Sqlite.SqliteException>().With.Message.Contains("UNIQUE"));
        await Task.WhenAll(before, after);
        using var raw = db.OpenRaw();
        Assert.That(raw.Query<string>("SELECT id FROM t ORDER BY id"), Is.EqualTo(new[] { "a", "b", "taken" }), "'half' went with its unit, the others stand");
    }

    [Test, CancelAfter(30_000)]
    public async Task A_result_is_returned_only_after_the_commit_and_reads_back(CancellationToken ct)
    {
        using var db = await CreateAsync(ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => db.Database.InTransactionAsync(async (c, tx, token) =>
        {
            await c.ExecuteAsync(new CommandDefinition(Insert, new { Id = $"r{i}" }, tx, cancellationToken: token));
            return i;
        }, ct)));

        Assert.That(results, Is.EqualTo(Enumerable.Range(0, 50)));
        // Another connection sees every row as soon as its caller has the result.
        Assert.That(Count(db), Is.EqualTo(50));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_unit_cancelled_while_waiting_does_not_run_and_the_others_do(CancellationToken ct)
    {
        using var db = await CreateAsync(ct);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = db.Database.InTransactionAsync(async (_, _, token) =>
        {
            holding.SetResult();
            await release.Task.WaitAsync(token);
        }, ct);
        await holding.Task.WaitAsync(ct);

        using var cancel = new CancellationTokenSource();
        var cancelled = InsertAsync(db.Database, "cancelled", cancel.Token);
        var kept = InsertAsync(db.Database, "kept", ct);
        await cancel.CancelAsync();
        release.SetResult();
        await first;

        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
        await kept;
        using var raw = db.OpenRaw();
        Assert.That(raw.Query<string>("SELECT id FROM t"), Is.EqualTo(new[] { "kept" }));
    }
}
