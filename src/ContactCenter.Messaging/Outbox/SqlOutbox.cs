using System.Data.Common;
using ContactCenter.Data;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Messaging.Outbox;

/// <summary>
/// The consumers' outbox in the product database. A consumer appends its events and commands in the
/// same transaction as its state change, so they go out exactly when the change is committed — never
/// before, never lost after. Scale-out: every worker may append, but only the holder of the drain lease
/// (a row renewed every few seconds) reads and publishes, which keeps each lane in order.
/// </summary>
public sealed partial class SqlOutbox : IOutboxStore
{
    private const string Insert = """
        INSERT INTO outbox_message (lane, type, payload, destination, created_at) VALUES (@Lane, @Type, @Payload, @Destination, @CreatedAt)
        """;
    private const string SelectOldest = "SELECT seq AS Seq, lane AS Lane, type AS Type, payload AS Payload, destination AS Destination FROM outbox_message ORDER BY seq";
    private const string Delete = "DELETE FROM outbox_message WHERE seq IN @Seqs";
    private const string RenewLease = """
        UPDATE outbox_lease SET owner = @Owner, expires_at = @Expires WHERE name = 'publisher' AND (owner = @Owner OR expires_at < @Now)
        """;
    private const string TakeFreeLease = "INSERT INTO outbox_lease (name, owner, expires_at) VALUES ('publisher', @Owner, @Expires)";

    private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(15);

    // A publishing round can take the publisher's 10 s confirm timeout; renewing 3 s after the last renewal keeps 12 s of
    // the lease ahead of any round, so the lease never lapses while its holder still believes it holds it.
    private static readonly TimeSpan RenewAfter = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);

    private readonly Database _database;
    private readonly TimeProvider _time;
    private readonly ILogger<SqlOutbox> _logger;
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _work = new(0, int.MaxValue);
    private bool _leader;
    private DateTime _leaseRenewDue = DateTime.MinValue;
    private long _depth;

    public SqlOutbox(Database database, TimeProvider time, ILogger<SqlOutbox> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
    }

    public long Depth => Interlocked.Read(ref _depth);

    /// <summary>Appends messages inside the caller's transaction; call <see cref="Committed"/> after the commit.</summary>
    /// <param name="messages">Events (published) and commands (sent to <c>destination</c>), in order.</param>
    public async Task AppendAsync(DbTransaction transaction, IEnumerable<(object Message, string Lane, string? Destination)> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var now = _time.GetUtcNow().UtcDateTime;
        var rows = messages.Select(m => new
        {
            m.Lane,
            Type = OutboxSerializer.TypeOf(m.Message),
            Payload = OutboxSerializer.Serialize(m.Message),
            m.Destination,
            CreatedAt = now,
        }).ToList();
        if (rows.Count > 0)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(Insert, rows, transaction, cancellationToken: ct));
        }
    }

    /// <summary>Wakes this process's publisher after a commit that appended messages.</summary>
    public void Committed() => _work.Release();

    public async Task<IReadOnlyList<OutboxRow>> ReadAsync(int max, CancellationToken ct)
    {
        if (!await HoldLeaseAsync(ct))
        {
            return [];
        }
        var sql = _database.Dialect.Paged(SelectOldest);
        var rows = await _database.WithConnectionAsync(async (connection, token) =>
            (await connection.QueryAsync<StoredRow>(new CommandDefinition(sql, new { Limit = max, Offset = 0 }, cancellationToken: token))).ToList(), ct);
        Interlocked.Exchange(ref _depth, rows.Count);
        return rows.Select(r => new OutboxRow(r.Seq, r.Lane, r.Type, r.Payload, 0, r.Destination)).ToList();
    }

    public async Task DeleteAsync(IReadOnlyCollection<long> sequences, CancellationToken ct)
    {
        if (sequences.Count == 0)
        {
            return;
        }
        foreach (var chunk in sequences.Chunk(500))
        {
            // A write: in a transaction, so it queues with the process's other writers instead of in SQLite's busy handler.
            await _database.InTransactionAsync((connection, tx, token) =>
                connection.ExecuteAsync(new CommandDefinition(Delete, new { Seqs = chunk }, tx, cancellationToken: token)), ct);
        }
        Interlocked.Add(ref _depth, -sequences.Count);
    }

    /// <summary>Woken by this process's commits; other workers' appends are found by polling.</summary>
    public Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken ct) => _work.WaitAsync(timeout < IdlePoll ? timeout : IdlePoll, ct);

    /// <summary>
    /// Takes or renews the drain lease. Held, it is renewed <see cref="RenewAfter"/> after the last renewal, not at every
    /// read: a write per read put one more transaction in the SQLite writer's queue for every batch published (in a
    /// burst of 200 feature codes, half of the writer's transactions).
    /// </summary>
    private async Task<bool> HoldLeaseAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (_leader && now < _leaseRenewDue)
        {
            return true;
        }
        var args = new { Owner = _owner, Expires = now + LeaseLength, Now = now };
        // A write: in a transaction, so it queues with the process's other writers instead of in SQLite's busy handler.
        var held = await _database.InTransactionAsync(async (connection, tx, token) =>
        {
            if (await connection.ExecuteAsync(new CommandDefinition(RenewLease, args, tx, cancellationToken: token)) == 1)
            {
                return true;
            }
            try
            {
                return await connection.ExecuteAsync(new CommandDefinition(TakeFreeLease, args, tx, cancellationToken: token)) == 1;
            }
            catch (DbException e) when (_database.Dialect.IsUniqueViolation(e))
            {
                // Another worker holds it.
                return false;
            }
        }, ct);
        _leaseRenewDue = now + RenewAfter;
        if (held != _leader)
        {
            _leader = held;
            Log.LeaseChanged(_logger, _owner, held ? "holds" : "no longer holds");
        }
        return held;
    }

    private sealed class StoredRow
    {
        public long Seq { get; set; }

        public string Lane { get; set; } = string.Empty;

        public string Type { get; set; } = string.Empty;

        public string Payload { get; set; } = string.Empty;

        public string? Destination { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3600, Level = LogLevel.Information, Message = "Database outbox: worker {Owner} {Lease} the drain lease")]
        public static partial void LeaseChanged(ILogger logger, string owner, string lease);
    }
}
