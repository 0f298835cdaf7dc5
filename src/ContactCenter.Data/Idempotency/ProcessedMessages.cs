using System.Data.Common;
using Dapper;

namespace ContactCenter.Data;

/// <summary>
/// Makes a consumer idempotent: inside the consumer's transaction, record the message id first; when it
/// was already recorded, the message was already processed and the consumer does nothing.
/// <code>
/// await db.InTransactionAsync(async (connection, tx, ct) =>
/// {
///     if (!await processed.TryMarkProcessedAsync(tx, "agents.paused", message.EventId, ct)) return;
///     await connection.ExecuteAsync(new CommandDefinition(InsertHistorySql, row, tx, cancellationToken: ct));
/// }, context.CancellationToken);
/// </code>
/// </summary>
public sealed class ProcessedMessages(Database database, TimeProvider time)
{
    private const string InsertSql =
        "INSERT INTO processed_message (consumer, message_id, processed_at) VALUES (@Consumer, @MessageId, @ProcessedAt)";

    /// <summary>
    /// True the first time <paramref name="messageId"/> is seen by <paramref name="consumer"/>; false when it
    /// was already processed (the unique key said so). Other failures propagate.
    /// </summary>
    public async Task<bool> TryMarkProcessedAsync(DbTransaction transaction, string consumer, Guid messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection", nameof(transaction));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql,
                new { Consumer = consumer, MessageId = messageId, ProcessedAt = time.GetUtcNow().UtcDateTime }, transaction, cancellationToken: ct));
            return true;
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            // A statement-level error: the transaction stays usable on both engines (XACT_ABORT is off).
            return false;
        }
    }
}
