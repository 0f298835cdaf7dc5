using ContactCenter.Agents.Operations;
using ContactCenter.Agents.State;
using ContactCenter.Contracts.Queues;
using MassTransit;

namespace ContactCenter.Agents.Consumers;

/// <summary>Asterisk confirmed a member was added: the agent is logged in to that queue.</summary>
internal sealed class QueueMemberAddedConsumer(ConsumerTransaction transaction, MembershipRecorder members) : IConsumer<QueueMemberAdded>
{
    public Task Consume(ConsumeContext<QueueMemberAdded> context) =>
        transaction.RunAsync(nameof(QueueMemberAddedConsumer), context.Message.EventId,
            (tx, now, ct) => members.OnPresentAsync(tx, context.Message.Server, context.Message.Member, StepAction.Add, now, ct), context.CancellationToken);
}

/// <summary>Asterisk confirmed a member was removed: the agent left that queue.</summary>
internal sealed class QueueMemberRemovedConsumer(ConsumerTransaction transaction, MembershipRecorder members) : IConsumer<QueueMemberRemoved>
{
    public Task Consume(ConsumeContext<QueueMemberRemoved> context) =>
        transaction.RunAsync(nameof(QueueMemberRemovedConsumer), context.Message.EventId,
            (tx, now, ct) => members.OnRemovedAsync(tx, context.Message.Server, context.Message.Member, now, ct), context.CancellationToken);
}

/// <summary>Asterisk confirmed a pause, with the pause code as its reason.</summary>
internal sealed class QueueMemberPausedConsumer(ConsumerTransaction transaction, MembershipRecorder members) : IConsumer<QueueMemberPaused>
{
    public Task Consume(ConsumeContext<QueueMemberPaused> context) =>
        transaction.RunAsync(nameof(QueueMemberPausedConsumer), context.Message.EventId,
            (tx, now, ct) => members.OnPresentAsync(tx, context.Message.Server, context.Message.Member, StepAction.Pause, now, ct), context.CancellationToken);
}

/// <summary>Asterisk confirmed an unpause.</summary>
internal sealed class QueueMemberUnpausedConsumer(ConsumerTransaction transaction, MembershipRecorder members) : IConsumer<QueueMemberUnpaused>
{
    public Task Consume(ConsumeContext<QueueMemberUnpaused> context) =>
        transaction.RunAsync(nameof(QueueMemberUnpausedConsumer), context.Message.EventId,
            (tx, now, ct) => members.OnPresentAsync(tx, context.Message.Server, context.Message.Member, StepAction.Unpause, now, ct), context.CancellationToken);
}

/// <summary>
/// The member's phone changed state: the agent's state follows calls (ringing, on call, wrap-up). A change that comes
/// from a feature code its agent dialled (the phone in use for the code, free again after it) is not a call: it is
/// left alone, with nothing to record and so no transaction.
/// </summary>
internal sealed class QueueMemberStatusChangedConsumer(ConsumerTransaction transaction, MembershipRecorder members) : IConsumer<QueueMemberStatusChanged>
{
    public Task Consume(ConsumeContext<QueueMemberStatusChanged> context) => context.Message.DialingFeatureCode
        ? Task.CompletedTask
        : transaction.RunAsync(nameof(QueueMemberStatusChangedConsumer), context.Message.EventId,
            (tx, now, ct) => members.OnStatusAsync(tx, context.Message.Server, context.Message.Member, now, ct), context.CancellationToken);
}
