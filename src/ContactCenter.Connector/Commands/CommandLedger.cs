using System.Globalization;
using ContactCenter.Connector.Outbox;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Commands;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Connector.Commands;

/// <summary>
/// Which commands this connector has started and how they ended, in its local SQLite file next to the
/// outbox. It makes commands at-most-once per CommandId: a redelivered command that completed is answered
/// again with the stored result (same EventId), never executed again; one that started but never
/// completed (the connector died mid-way) is executed again only if repeating it is harmless.
/// The result and its <see cref="CommandCompleted"/> event are written in one transaction.
/// </summary>
internal sealed class CommandLedger
{
    private const string SelectEntry = """
        SELECT state AS State, succeeded AS Succeeded, outcome AS Outcome, detail AS Detail, uniqueid AS Uniqueid, event_id AS EventId, updated_at AS UpdatedAt
        FROM command_ledger WHERE command_id = @CommandId
        """;

    private const string InsertStarted = """
        INSERT INTO command_ledger (command_id, command, server, requested_by, state, updated_at)
        VALUES (@CommandId, @Command, @Server, @RequestedBy, 'started', @Now)
        """;

    private const string UpdateCompleted = """
        UPDATE command_ledger SET state = 'completed', succeeded = @Succeeded, outcome = @Outcome, detail = @Detail, uniqueid = @Uniqueid,
            event_id = @EventId, updated_at = @Now
        WHERE command_id = @CommandId
        """;

    private const string DeleteOlderThan = "DELETE FROM command_ledger WHERE updated_at < @Before";

    private readonly EventOutbox _outbox;

    public CommandLedger(EventOutbox outbox) => _outbox = outbox;

    /// <summary>Records that a command starts; returns the earlier entry when it is not new.</summary>
    public async Task<LedgerEntry?> BeginAsync(IAsteriskCommand command, string name, DateTimeOffset now, CancellationToken ct)
    {
        await _outbox.WriteLock.WaitAsync(ct);
        try
        {
            var existing = await _outbox.Connection.QuerySingleOrDefaultAsync<LedgerEntry>(
                new CommandDefinition(SelectEntry, new { CommandId = command.CommandId.ToString() }, cancellationToken: ct));
            if (existing is not null)
            {
                return existing;
            }
            await _outbox.Connection.ExecuteAsync(new CommandDefinition(InsertStarted, new
            {
                CommandId = command.CommandId.ToString(),
                Command = name,
                command.Server,
                command.RequestedBy,
                Now = Iso(now),
            }, cancellationToken: ct));
            return null;
        }
        finally
        {
            _outbox.WriteLock.Release();
        }
    }

    /// <summary>Stores the result and appends its event to the outbox, atomically.</summary>
    public async Task CompleteAsync(CommandCompleted result, CancellationToken ct)
    {
        await _outbox.WriteLock.WaitAsync(ct);
        try
        {
            await using var transaction = (SqliteTransaction)await _outbox.Connection.BeginTransactionAsync(ct);
            await _outbox.Connection.ExecuteAsync(new CommandDefinition(UpdateCompleted, new
            {
                CommandId = result.CommandId.ToString(),
                result.Succeeded,
                result.Outcome,
                result.Detail,
                result.Uniqueid,
                EventId = result.EventId.ToString(),
                Now = Iso(result.OccurredAt),
            }, transaction, cancellationToken: ct));
            await _outbox.InsertAsync(transaction, result, 0, ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            _outbox.WriteLock.Release();
        }
        _outbox.Appended(1);
    }

    /// <summary>Re-appends the stored result of a completed command (same EventId, so consumers see a duplicate).</summary>
    public Task RepeatAsync(LedgerEntry entry, IAsteriskCommand command, string name, CancellationToken ct) =>
        _outbox.AppendAsync([(new CommandCompleted(Guid.Parse(entry.EventId!), command.Server, DateTimeOffset.Parse(entry.UpdatedAt, CultureInfo.InvariantCulture),
            command.CommandId, name, command.RequestedBy, entry.Succeeded == 1, entry.Outcome ?? CommandOutcome.Failed, entry.Detail ?? string.Empty,
            entry.Uniqueid), 0L)], ct);

    /// <summary>Forgets commands older than <paramref name="before"/>.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        await _outbox.WriteLock.WaitAsync(ct);
        try
        {
            return await _outbox.Connection.ExecuteAsync(new CommandDefinition(DeleteOlderThan, new { Before = Iso(before) }, cancellationToken: ct));
        }
        finally
        {
            _outbox.WriteLock.Release();
        }
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>A ledger row.</summary>
internal sealed class LedgerEntry
{
    public string State { get; set; } = string.Empty;

    public long? Succeeded { get; set; }

    public string? Outcome { get; set; }

    public string? Detail { get; set; }

    public string? Uniqueid { get; set; }

    public string? EventId { get; set; }

    public string UpdatedAt { get; set; } = string.Empty;

    public bool Completed => State == "completed";
}
