using Dapper;

namespace ContactCenter.Data.Tests.Idempotency;

public sealed class ProcessedMessagesTests
{
    private TempDatabase _db = null!;
    private ProcessedMessages _processed = null!;

    [SetUp]
    public async Task CreateMigratedDatabase()
    {
        _db = new TempDatabase();
        await _db.CreateRunner().ApplyAsync(CancellationToken.None);
        _processed = new ProcessedMessages(_db.Database, TimeProvider.System);
    }

    [TearDown]
    public void DeleteDatabase() => _db.Dispose();

    private Task<bool> MarkAsync(string consumer, Guid id, CancellationToken ct) =>
        _db.Database.InTransactionAsync((_, tx, token) => _processed.TryMarkProcessedAsync(tx, consumer, id, token), ct);

    [Test, CancelAfter(30_000)]
    public async Task The_first_delivery_is_new_and_a_redelivery_is_already_processed(CancellationToken ct)
    {
        var id = Guid.NewGuid();

        Assert.That(await MarkAsync("agents.paused", id, ct), Is.True);
        Assert.That(await MarkAsync("agents.paused", id, ct), Is.False);
        using var raw = _db.OpenRaw();
        Assert.That(raw.ExecuteScalar<long>("SELECT COUNT(*) FROM processed_message"), Is.EqualTo(1));
    }

    [Test, CancelAfter(30_000)]
    public async Task The_same_message_is_new_to_another_consumer(CancellationToken ct)
    {
        var id = Guid.NewGuid();

        Assert.That(await MarkAsync("agents.paused", id, ct), Is.True);
        Assert.That(await MarkAsync("calls.history", id, ct), Is.True);
    }

    [Test, CancelAfter(30_000)]
    public async Task A_unit_of_work_that_fails_after_marking_leaves_the_message_unprocessed(CancellationToken ct)
    {
        var id = Guid.NewGuid();

        Assert.ThrowsAsync<InvalidOperationException>(() => _db.Database.InTransactionAsync(async (_, tx, token) =>
        {
            Assert.That(await _processed.TryMarkProcessedAsync(tx, "agents.paused", id, token), Is.True);
            throw new InvalidOperationException("the consumer's own write failed");
        }, ct));

        Assert.That(await MarkAsync("agents.paused", id, ct), Is.True, "the redelivery is processed, since the first attempt rolled back");
    }

    [Test, CancelAfter(30_000)]
    public async Task After_already_processed_the_transaction_is_still_usable(CancellationToken ct)
    {
        var id = Guid.NewGuid();
        await MarkAsync("agents.paused", id, ct);

        var other = Guid.NewGuid();
        await _db.Database.InTransactionAsync(async (_, tx, token) =>
        {
            Assert.That(await _processed.TryMarkProcessedAsync(tx, "agents.paused", id, token), Is.False);
            Assert.That(await _processed.TryMarkProcessedAsync(tx, "agents.paused", other, token), Is.True);
        }, ct);

        Assert.That(await MarkAsync("agents.paused", other, ct), Is.False, "the later insert in the same transaction was committed");
    }
}
