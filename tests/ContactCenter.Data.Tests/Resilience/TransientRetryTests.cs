using Dapper;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Data.Tests.Resilience;

public sealed class TransientRetryTests
{
    private const string Insert = "INSERT INTO t (id) VALUES (@Id)";

    private static async Task<TempDatabase> CreateAsync(int maxAttempts, CancellationToken ct)
    {
        var db = new TempDatabase(maxAttempts);
        await db.Database.InTransactionAsync((c, tx, token) => c.ExecuteAsync(new CommandDefinition("CREATE TABLE t (id TEXT NOT NULL)", transaction: tx, cancellationToken: token)), ct);
        return db;
    }

    [Test, CancelAfter(60_000)]
    public async Task A_busy_database_is_retried_until_the_other_writer_lets_go(CancellationToken ct)
    {
        using var db = await CreateAsync(maxAttempts: 20, ct);
        using var holder = db.OpenRaw();
        var hold = holder.BeginTransaction(deferred: false);
        holder.Execute("INSERT INTO t (id) VALUES ('holder')", transaction: hold);

        var write = db.Database.InTransactionAsync((c, tx, token) => c.ExecuteAsync(new CommandDefinition(Insert, new { Id = "retried" }, tx, cancellationToken: token)), ct);
        while (!db.Logs.Entries.Any(e => e.Id.Id == 1010))
        {
            Assert.That(write.IsCompleted, Is.False, "the write cannot finish while the lock is held");
            await Task.Delay(20, ct);
        }
        hold.Commit();
        await write;

        using var raw = db.OpenRaw();
        Assert.That(raw.Query<string>("SELECT id FROM t ORDER BY id"), Is.EqualTo(new[] { "holder", "retried" }));
        Assert.That(db.Logs.Entries.First(e => e.Id.Id == 1010).Message, Does.Contain("Transient Sqlite error 5"));
    }

    [Test, CancelAfter(60_000)]
    public async Task Transactions_of_one_process_wait_their_turn_in_the_process_not_in_SQLite_where_they_would_time_out(CancellationToken ct)
    {
        using var db = await CreateAsync(maxAttempts: 1, ct);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = db.Database.InTransactionAsync(async (c, tx, token) =>
        {
            await c.ExecuteAsync(new CommandDefinition(Insert, new { Id = "1 first" }, tx, cancellationToken: token));
            holding.SetResult();
            await release.Task.WaitAsync(token);
        }, ct);
        await holding.Task.WaitAsync(ct);

        var second = db.Database.InTransactionAsync((c, tx, token) => c.ExecuteAsync(new CommandDefinition(Insert, new { Id = "2 second" }, tx, cancellationToken: token)), ct);
        // Longer than the busy timeout (1 s) and Microsoft.Data.Sqlite's own busy retries (1 s): a writer waiting
        // inside SQLite would have failed by now, and with one attempt allowed it would not be retried.
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        Assert.That(second.IsCompleted, Is.False, "the second transaction waits for the first");
        release.SetResult();
        await Task.WhenAll(first, second);

        using var raw = db.OpenRaw();
        Assert.That(raw.Query<string>("SELECT id FROM t ORDER BY id"), Is.EqualTo(new[] { "1 first", "2 second" }));
        Assert.That(db.Logs.Entries.Where(e => e.Id.Id is 1010 or 1011), Is.Empty, "no BUSY met, nothing retried");
    }

    [Test, CancelAfter(60_000)]
    public async Task A_database_that_stays_busy_gives_up_after_the_attempts_with_a_clear_error(CancellationToken ct)
    {
        using var db = await CreateAsync(maxAttempts: 2, ct);
        using var holder = db.OpenRaw();
        using var hold = holder.BeginTransaction(deferred: false);
        var attempts = 0;

        var error = Assert.ThrowsAsync<TransientDatabaseException>(() => db.Database.InTransactionAsync((c, tx, token) =>
        {
            attempts++;
            return c.ExecuteAsync(new CommandDefinition(Insert, new { Id = "never" }, tx, cancellationToken: token));
        }, ct))!;

        Assert.That(error.Message, Does.Contain("after 2 attempt(s)").And.Contain("error 5").And.Contain("Database:Retry:MaxAttempts"));
        Assert.That(error.InnerException, Is.TypeOf<SqliteException>());
        Assert.That(attempts, Is.LessThanOrEqualTo(2), "BEGIN IMMEDIATE is where the lock is met, so the work itself may never run");
        Assert.That(db.Logs.Entries.Count(e => e.Id.Id == 1010), Is.EqualTo(1), "one retry logged between the two attempts");
        Assert.That(db.Logs.Entries.Count(e => e.Id.Id == 1011), Is.EqualTo(1), "giving up is logged");
    }

    [Test, CancelAfter(30_000)]
    public async Task A_non_transient_error_is_not_retried(CancellationToken ct)
    {
        using var db = await CreateAsync(maxAttempts: 5, ct);
        var attempts = 0;

        var error = Assert.ThrowsAsync<SqliteException>(() => db.Database.InTransactionAsync((c, tx, token) =>
        {
            attempts++;
            return c.ExecuteAsync(new CommandDefinition("INSERT INTO no_such_table VALUES (1)", transaction: tx, cancellationToken: token));
        }, ct))!;

        Assert.That(error.SqliteErrorCode, Is.EqualTo(1));
        Assert.That(attempts, Is.EqualTo(1));
        Assert.That(db.Logs.Entries.Any(e => e.Id.Id == 1010), Is.False);
    }

    [TestCase(1205, true, TestName = "SQL Server deadlock victim (1205) is transient")]
    [TestCase(-2, true, TestName = "SQL Server client timeout (-2) is transient")]
    [TestCase(40613, true, TestName = "Azure SQL database unavailable (40613) is transient")]
    [TestCase(10054, true, TestName = "SQL Server connection reset (10054) is transient")]
    [TestCase(2627, false, TestName = "SQL Server primary key violation (2627) is not transient")]
    [TestCase(547, false, TestName = "SQL Server foreign key violation (547) is not transient")]
    [TestCase(102, false, TestName = "SQL Server syntax error (102) is not transient")]
    public void SQL_Server_error_numbers_are_classified(int number, bool transient) =>
        Assert.That(SqlDialect.IsTransientSqlServerError(number), Is.EqualTo(transient));
}
