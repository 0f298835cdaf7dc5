using ContactCenter.Asterisk.Ami;
using ContactCenter.Contracts.Commands;
using ContactCenter.Contracts.Queues;
using MassTransit;

namespace ContactCenter.Connector.Commands;

/// <summary><see cref="AddQueueMember"/> → AMI <c>QueueAdd</c>. "Already there" means the intent holds.</summary>
internal sealed class AddQueueMemberConsumer(CommandExecutor executor) : IConsumer<AddQueueMember>
{
    public Task Consume(ConsumeContext<AddQueueMember> context)
    {
        var c = context.Message;
        return executor.ExecuteAsync(c, repeatable: true, (server, ct) =>
        {
            var action = new AmiAction("QueueAdd")
                .Add("Queue", c.Queue)
                .Add("Interface", c.Interface)
                .Add("MemberName", c.MemberName)
                .Add("StateInterface", c.StateInterface ?? c.Interface)
                .Add("Penalty", c.Penalty)
                .Add("Paused", c.Paused)
                .Add("Reason", c.Paused ? c.PausedReason : null);
            return AmiCommandAction.SendAsync(server.Ami, action, ct,
                ("Already there", true, CommandOutcome.AlreadyMember), ("No such queue", false, CommandOutcome.NoSuchQueue));
        }, context.CancellationToken);
    }
}

/// <summary><see cref="RemoveQueueMember"/> → AMI <c>QueueRemove</c>. "Not there" means the intent holds.</summary>
internal sealed class RemoveQueueMemberConsumer(CommandExecutor executor) : IConsumer<RemoveQueueMember>
{
    public Task Consume(ConsumeContext<RemoveQueueMember> context)
    {
        var c = context.Message;
        return executor.ExecuteAsync(c, repeatable: true, (server, ct) =>
            AmiCommandAction.SendAsync(server.Ami, new AmiAction("QueueRemove").Add("Queue", c.Queue).Add("Interface", c.Interface), ct,
                ("Not there", true, CommandOutcome.NotMember), ("No such queue", false, CommandOutcome.NoSuchQueue)),
            context.CancellationToken);
    }
}

/// <summary><see cref="PauseQueueMember"/> → AMI <c>QueuePause</c> (with the reason when pausing).</summary>
internal sealed class PauseQueueMemberConsumer(CommandExecutor executor) : IConsumer<PauseQueueMember>
{
    public Task Consume(ConsumeContext<PauseQueueMember> context)
    {
        var c = context.Message;
        return executor.ExecuteAsync(c, repeatable: true, (server, ct) =>
        {
            var action = new AmiAction("QueuePause")
                .Add("Queue", c.Queue)
                .Add("Interface", c.Interface)
                .Add("Paused", c.Paused)
                .Add("Reason", c.Paused ? c.Reason : null);
            return AmiCommandAction.SendAsync(server.Ami, action, ct, ("Interface not found", false, CommandOutcome.NotMember));
        }, context.CancellationToken);
    }
}
