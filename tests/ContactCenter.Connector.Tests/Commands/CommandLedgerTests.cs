using ContactCenter.Connector.Commands;
using ContactCenter.Connector.Outbox;
using ContactCenter.Messaging.Outbox;
using ContactCenter.Contracts.Commands;
using ContactCenter.Contracts.Queues;

namespace ContactCenter.Connector.Tests.Commands;

[TestFixture]
public sealed class CommandLedgerTests
{
    [Test]
    public async Task A_command_begins_once_and_a_redelivery_finds_its_stored_result_with_the_same_event_id()
    {
        using var dir = new TempDirectory();
        await using var outbox = EventOutbox.Open(dir.File("connector.db"), synchronousFull: false);
        var ledger = new CommandLedger(outbox);
        var command = new AddQueueMember(Guid.NewGuid(), "pbx1", "phone:6001", "support", "PJSIP/6001", "210", null, 0, false, null);
        var now = DateTimeOffset.UtcNow;

        var first = await ledger.BeginAsync(command, nameof(AddQueueMember), now, CancellationToken.None);
        var result = new CommandCompleted(Guid.NewGuid(), "pbx1", now, command.CommandId, nameof(AddQueueMember), "phone:6001", true, CommandOutcome.Done, "Added interface to queue", null);
        await ledger.CompleteAsync(result, CancellationToken.None);
        var second = await ledger.BeginAsync(command, nameof(AddQueueMember), now, CancellationToken.None);
        await ledger.RepeatAsync(second!, command, nameof(AddQueueMember), CancellationToken.None);

        var published = (await outbox.ReadAsync(10, CancellationToken.None)).Select(OutboxSerializer.Deserialize).Cast<CommandCompleted>().ToList();
        Assert.That(first, Is.Null);
        Assert.That(second!.Completed, Is.True);
        Assert.That(published, Has.Count.EqualTo(2));
        Assert.That(published.Select(p => p.EventId).Distinct().Single(), Is.EqualTo(result.EventId), "the repeat is a duplicate consumers drop");
        Assert.That(published[1].Outcome, Is.EqualTo(CommandOutcome.Done));
    }

    [Test]
    public async Task A_command_that_started_and_never_completed_is_seen_as_started()
    {
        using var dir = new TempDirectory();
        await using var outbox = EventOutbox.Open(dir.File("connector.db"), synchronousFull: false);
        var ledger = new CommandLedger(outbox);
        var command = new RemoveQueueMember(Guid.NewGuid(), "pbx1", "web", "support", "PJSIP/6001");

        await ledger.BeginAsync(command, nameof(RemoveQueueMember), DateTimeOffset.UtcNow, CancellationToken.None);
        var again = await ledger.BeginAsync(command, nameof(RemoveQueueMember), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.That(again, Is.Not.Null);
        Assert.That(again!.Completed, Is.False);
    }
}
