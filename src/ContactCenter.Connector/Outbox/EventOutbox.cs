using ContactCenter.Contracts;
using ContactCenter.Messaging.Outbox;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Connector.Outbox;

/// <summary>
/// The connector's durable outbox: every domain event is appended here (in the order it was produced)
/// before anything tries to publish it, and deleted only once the broker confirmed it. While the broker is
/// unreachable events pile up on disk; a restarted connector finds them and publishes them. Delivery is
/// therefore at-least-once: consumers deduplicate on <see cref="IContactCenterEvent.EventId"/>.
/// The file is the connector's own local state (not the product database), so its schema is created here.
/// </summary>
internal sealed class EventOutbox : IOutboxStore, IAsyncDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            lane TEXT NOT NULL,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            received_ticks INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS command_ledger (
            command_id TEXT PRIMARY KEY,
            command TEXT NOT NULL,
            server TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            state TEXT NOT NULL,
            succeeded INTEGER NULL,
            outcome TEXT NULL,
            detail TEXT NULL,
            uniqueid TEXT NULL,
            event_id TEXT NULL,
            updated_at TEXT NOT NULL
        );
        """;

    private const string Insert = "INSERT INTO outbox (lane, type, payload, received_ticks) VALUES ($lane, $type, $payload, $received)";
    private const string SelectBatch = "SELECT seq, lane, type, payload, received_ticks FROM outbox ORDER BY seq LIMIT $max";
    private const string CountRows = "SELECT COUNT(*) FROM outbox";

    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _work = new(0, int.MaxValue);
    private readonly SqliteCommand _insert;
    private long _depth;

    private EventOutbox(SqliteConnection writer, long depth)
    {
        _writer = writer;
        _depth = depth;
        _insert = writer.CreateCommand();
        _insert.CommandText = Insert;
        _insert.Parameters.Add("$lane", SqliteType.Text);
        _insert.Parameters.Add("$type", SqliteType.Text);
        _insert.Parameters.Add("$payload", SqliteType.Text);
        _insert.Parameters.Add("$received", SqliteType.Integer);
    }

    /// <summary>The SQLite file, for the command ledger that shares it.</summary>
    public SqliteConnection Connection => _writer;

    /// <summary>Serializes writers of the shared connection (outbox and command ledger).</summary>
    public SemaphoreSlim WriteLock => _writeLock;

    /// <summary>Events waiting to be published (kept in memory, exact for this process).</summary>
    public long Depth => Interlocked.Read(ref _depth);

    /// <param name="path">The SQLite file; its folder is created.</param>
    /// <param name="synchronousFull">fsync every commit (survives power loss, slower) instead of WAL's NORMAL (survives process crashes).</param>
    public static EventOutbox Open(string path, bool synchronousFull)
    {
        // SQLite opens synchronously whatever the API says; doing it once at start-up keeps DI simple.
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = Schema + $"PRAGMA synchronous = {(synchronousFull ? "FULL" : "NORMAL")}; PRAGMA busy_timeout = 5000;";
            setup.ExecuteNonQuery();
        }
        using var count = connection.CreateCommand();
        count.CommandText = CountRows;
        var depth = (long)count.ExecuteScalar()!;
        var outbox = new EventOutbox(connection, depth);
        if (depth > 0)
        {
            outbox._work.Release();
        }
        return outbox;
    }

    /// <summary>Appends events in one transaction, in order, and wakes the publisher.</summary>
    public async Task AppendAsync(IReadOnlyList<(IContactCenterEvent Event, long ReceivedTimestamp)> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(ct);
            foreach (var (e, received) in events)
            {
                await InsertAsync(transaction, e, received, ct);
            }
            await transaction.CommitAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
        Appended(events.Count);
    }

    /// <summary>Inserts one event inside the caller's transaction (the caller holds <see cref="WriteLock"/>, then calls <see cref="Appended"/>).</summary>
    public async Task InsertAsync(SqliteTransaction transaction, IContactCenterEvent e, long receivedTimestamp, CancellationToken ct)
    {
        _insert.Transaction = transaction;
        _insert.Parameters[0].Value = OutboxSerializer.LaneOf(e);
        _insert.Parameters[1].Value = OutboxSerializer.TypeOf(e);
        _insert.Parameters[2].Value = OutboxSerializer.Serialize(e);
        _insert.Parameters[3].Value = receivedTimestamp;
        await _insert.ExecuteNonQueryAsync(ct);
        _insert.Transaction = null;
    }

    /// <summary>Counts committed events and wakes the publisher.</summary>
    public void Appended(int count)
    {
        Interlocked.Add(ref _depth, count);
        _work.Release();
    }

    /// <summary>The oldest waiting events, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxRow>> ReadAsync(int max, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var select = _writer.CreateCommand();
            select.CommandText = SelectBatch;
            select.Parameters.AddWithValue("$max", max);
            var rows = new List<OutboxRow>();
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
            }
            return rows;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Deletes published events.</summary>
    public async Task DeleteAsync(IReadOnlyCollection<long> sequences, CancellationToken ct)
    {
        if (sequences.Count == 0)
        {
            return;
        }
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(ct);
            await using var delete = _writer.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM outbox WHERE seq = $seq";
            var seq = delete.Parameters.Add("$seq", SqliteType.Integer);
            foreach (var s in sequences)
            {
                seq.Value = s;
                await delete.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
        Interlocked.Add(ref _depth, -sequences.Count);
    }

    /// <summary>Waits until something was appended (or <paramref name="timeout"/> passed).</summary>
    public Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken ct) => _work.WaitAsync(timeout, ct);

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _writer.DisposeAsync();
        _writeLock.Dispose();
        _work.Dispose();
    }
}
