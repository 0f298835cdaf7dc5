using System.Data.Common;

namespace ContactCenter.Data;

/// <summary>
/// The one writer of a SQLite file in this process, committing units of work in groups. SQLite has one writer
/// and every commit is an fsync (1-2 ms here); consumers handling a burst each waited for the previous commit.
/// Units that arrive while a group is being written wait together and form the next group: one connection,
/// one <c>BEGIN IMMEDIATE</c>, each unit inside its own savepoint (a unit that throws is rolled back alone and
/// gets its exception), one <c>COMMIT</c>. A unit's caller learns its result only after that commit, so
/// nothing is acknowledged before it is durable. If the group itself fails (begin, commit, a savepoint SQLite
/// could not roll back), every unit of the group gets that exception and the caller's retry runs it again.
/// Whoever finds no group being written writes the next one; when it has committed, it hands the writing to the
/// first unit still waiting, so no caller writes for others indefinitely.
/// </summary>
internal sealed class SqliteGroupCommit(Func<CancellationToken, Task<DbConnection>> open, int maxGroup = 64)
{
    private readonly Lock _gate = new();
    private readonly Queue<IUnit> _waiting = new();
    private bool _writing;
    private long _groups;

    /// <summary>Groups committed so far (tests and diagnostics).</summary>
    public long GroupsCommitted => Interlocked.Read(ref _groups);

    public async Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var unit = new Unit<T>(work, ct);
        bool write;
        lock (_gate)
        {
            _waiting.Enqueue(unit);
            write = !_writing;
            _writing = true;
        }
        // Not cancelled while queued: a caller handed the writing must take it, or the queue would stall. The
        // unit's own work sees the token.
        if (write || await Task.WhenAny(unit.Result, unit.Turn.Task) == unit.Turn.Task)
        {
            await WriteGroupAsync();
        }
        return await unit.Result;
    }

    private async Task WriteGroupAsync()
    {
        List<IUnit> group;
        lock (_gate)
        {
            group = [];
            while (group.Count < maxGroup && _waiting.TryDequeue(out var next))
            {
                group.Add(next);
            }
        }
        try
        {
            await CommitAsync(group);
        }
        finally
        {
            lock (_gate)
            {
                if (_waiting.TryPeek(out var next))
                {
                    next.Turn.TrySetResult();
                }
                else
                {
                    _writing = false;
                }
            }
        }
    }

    private async Task CommitAsync(List<IUnit> group)
    {
        var done = new List<IUnit>(group.Count);
        try
        {
            await using var connection = await open(CancellationToken.None);
            await using var transaction = await Database.BeginAsync(connection, CancellationToken.None);
            foreach (var unit in group)
            {
                if (await RunInSavepointAsync(connection, transaction, unit))
                {
                    done.Add(unit);
                }
            }
            await transaction.CommitAsync(CancellationToken.None);
            Interlocked.Increment(ref _groups);
        }
        catch (Exception ex)
        {
            // The group is lost: whatever had not already failed on its own fails with the cause.
            foreach (var unit in group)
            {
                unit.Fail(ex);
            }
            return;
        }
        foreach (var unit in done)
        {
            unit.Complete();
        }
    }

    /// <returns>Whether the unit's work stands; false when it threw and was rolled back alone.</returns>
    private static async Task<bool> RunInSavepointAsync(DbConnection connection, DbTransaction transaction, IUnit unit)
    {
        if (unit.Token.IsCancellationRequested)
        {
            unit.Fail(new OperationCanceledException(unit.Token));
            return false;
        }
        await ExecuteAsync(connection, transaction, "SAVEPOINT unit");
        try
        {
            await unit.RunAsync(connection, transaction);
        }
        catch (Exception ex)
        {
            // If SQLite cannot roll back to the savepoint, the exception escapes and fails the whole group.
            await ExecuteAsync(connection, transaction, "ROLLBACK TO unit");
            await ExecuteAsync(connection, transaction, "RELEASE unit");
            unit.Fail(ex);
            return false;
        }
        await ExecuteAsync(connection, transaction, "RELEASE unit");
        return true;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private interface IUnit
    {
        CancellationToken Token { get; }

        /// <summary>Set when this caller is to write the next group.</summary>
        TaskCompletionSource Turn { get; }

        Task RunAsync(DbConnection connection, DbTransaction transaction);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class Unit<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken token) : IUnit
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _value = default!;

        public CancellationToken Token => token;

        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Result => _result.Task;

        public async Task RunAsync(DbConnection connection, DbTransaction transaction) => _value = await work(connection, transaction, token);

        public void Complete() => _result.TrySetResult(_value);

        public void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && token.IsCancellationRequested)
            {
                _result.TrySetCanceled(token);
            }
            else
            {
                _result.TrySetException(exception);
            }
        }
    }
}
