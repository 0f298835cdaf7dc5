using ContactCenter.Contracts.Agents;
using ContactCenter.Data;
using ContactCenter.Messaging.Outbox;
using ContactCenter.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Agents.Tests.Outbox;

/// <summary>
/// The drain lease of the database outbox, on a real SQLite file shared by two workers' outboxes: one worker publishes,
/// the lease is renewed every few seconds rather than at every read, and it passes to the other worker only once it lapsed.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class SqlOutboxLeaseTests
{
    private MigratedDatabase _file = null!;
    private Database _database = null!;
    private ManualTimeProvider _time = null!;

    [SetUp]
    public async Task SetUp()
    {
        _file = await MigratedDatabase.CreateAsync("cc-outbox-lease-");
        _database = _file.Database;
        _time = new ManualTimeProvider();
        var writer = Outbox();
        await _database.InTransactionAsync((_, tx, ct) => writer.AppendAsync(tx,
            [(new FeatureCodeTimedOut(Guid.NewGuid(), "pbx1", _time.GetUtcNow(), Guid.NewGuid(), "1795289065.7", "PJSIP/6001", "**3"), "agent:210", null)], ct),
            CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown() => await _file.DisposeAsync();

    [Test]
    public async Task The_holder_renews_the_lease_every_few_seconds_not_at_every_read()
    {
        var outbox = Outbox();
        var start = _time.GetUtcNow().UtcDateTime;

        Assert.That(await outbox.ReadAsync(10, CancellationToken.None), Has.Count.EqualTo(1), "the first read takes the free lease");
        Assert.That(await LeaseExpiryAsync(), Is.EqualTo(start.AddSeconds(15)));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await outbox.ReadAsync(10, CancellationToken.None), Has.Count.EqualTo(1));
        Assert.That(await LeaseExpiryAsync(), Is.EqualTo(start.AddSeconds(15)), "2 s after taking it: not written again");

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await outbox.ReadAsync(10, CancellationToken.None), Has.Count.EqualTo(1));
        Assert.That(await LeaseExpiryAsync(), Is.EqualTo(start.AddSeconds(19)), "4 s after taking it: renewed for 15 s more");
    }

    [Test]
    public async Task Another_worker_publishes_only_once_the_holders_lease_lapsed()
    {
        var holder = Outbox();
        var other = Outbox();
        Assert.That(await holder.ReadAsync(10, CancellationToken.None), Has.Count.EqualTo(1));

        _time.Advance(TimeSpan.FromSeconds(14));
        Assert.That(await other.ReadAsync(10, CancellationToken.None), Is.Empty, "the lease still runs: the other worker reads nothing");

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await other.ReadAsync(10, CancellationToken.None), Has.Count.EqualTo(1), "lapsed: the other worker takes it");
        Assert.That(await holder.ReadAsync(10, CancellationToken.None), Is.Empty, "the old holder finds it taken when it tries to renew");
    }

    private SqlOutbox Outbox() => new(_database, _time, NullLogger<SqlOutbox>.Instance);

    private Task<DateTime> LeaseExpiryAsync() => _database.WithConnectionAsync(
        (c, ct) => c.ExecuteScalarAsync<DateTime>(new CommandDefinition("SELECT expires_at FROM outbox_lease WHERE name = 'publisher'", cancellationToken: ct)),
        CancellationToken.None);
}
