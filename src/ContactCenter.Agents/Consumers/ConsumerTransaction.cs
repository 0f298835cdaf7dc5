using System.Data.Common;
using ContactCenter.Data;
using ContactCenter.Messaging.Outbox;

namespace ContactCenter.Agents.Consumers;

/// <summary>
/// The frame of every agent consumer: one database transaction that first marks the message processed
/// (a redelivered message is recognised and does nothing), then does the work, whose events and commands
/// go to the outbox in the same transaction. After the commit the outbox publisher is woken. Any failure
/// escapes, so MassTransit retries and finally moves the message to the error queue.
/// </summary>
internal sealed class ConsumerTransaction(Database database, ProcessedMessages processed, SqlOutbox outbox, TimeProvider time)
{
    public async Task RunAsync(string consumer, Guid messageId, Func<DbTransaction, DateTime, CancellationToken, Task> work, CancellationToken ct)
    {
        var ran = await database.InTransactionAsync(async (_, tx, token) =>
        {
            if (!await processed.TryMarkProcessedAsync(tx, consumer, messageId, token))
            {
                return false;
            }
            await work(tx, time.GetUtcNow().UtcDateTime, token);
            return true;
        }, ct);
        if (ran)
        {
            outbox.Committed();
        }
    }
}
