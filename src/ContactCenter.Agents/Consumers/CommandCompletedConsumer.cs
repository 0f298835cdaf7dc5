using ContactCenter.Agents.Operations;
using ContactCenter.Contracts.Commands;
using MassTransit;

namespace ContactCenter.Agents.Consumers;

/// <summary>A queue command of an operation was answered: a failure fails (and undoes) the operation.</summary>
internal sealed class CommandCompletedConsumer(ConsumerTransaction transaction, OperationTracker tracker) : IConsumer<CommandCompleted>
{
    public Task Consume(ConsumeContext<CommandCompleted> context)
    {
        // Most results are plain successes, which change nothing (Asterisk's own event confirms the step): no
        // transaction for them, so they cost no commit (an fsync on SQLite) on the path of the operations behind.
        if (!OperationTracker.CanChangeAStep(context.Message))
        {
            return Task.CompletedTask;
        }
        return transaction.RunAsync(nameof(CommandCompletedConsumer), context.Message.EventId, async (tx, now, ct) =>
        {
            if (await tracker.OnCommandCompletedAsync(tx, context.Message, ct) is { } operation)
            {
                await tracker.TryCompleteAsync(tx, operation, now, ct);
            }
        }, context.CancellationToken);
    }
}
