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
        return executor.ExecuteAsync(c, repeatable: true, async (server, ct) =>
        {
            var action = new AmiAction("QueueAdd")
                .Add("Queue", c.Queue)
                .Add("Interface", c.Interface)
                .Add("MemberName", c.MemberName)
                .Add("StateInterface", c.StateInterface ?? c.Interface)
                .Add("Penalty", c.Penalty)
                .Add("Paused", c.Paused)
                .Add("Reason", c.Paused ? c.PausedReason : null);
            try
            {
                var response = await server.Ami.SendActionAsync(action, ct);
                return CommandResult.Done(response.Message ?? string.Empty);
            }
            catch (AmiActionException ex) when (ex.AsteriskMessage.Contains("Already there", StringComparison.OrdinalIgnoreCase))
            {
                return new CommandResult(true, CommandOutcome.AlreadyMember, ex.AsteriskMessage);
            }
            catch (AmiActionException ex) when (ex.AsteriskMessage.Contains("No such queue", StringComparison.OrdinalIgnoreCase))
            {
                return CommandResult.Fail(CommandOutcome.NoSuchQueue, ex.AsteriskMessage);
            }
        }, context.CancellationToken);
    }
}

/// <summary><see cref="RemoveQueueMember"/> → AMI <c>QueueRemove</c>. "Not there" means the intent holds.</summary>
internal sealed class RemoveQueueMemberConsumer(CommandExecutor executor) : IConsumer<RemoveQueueMember>
{
    public Task Consume(ConsumeContext<RemoveQueueMember> context)
    {
        var c = context.Message;
        return executor.ExecuteAsync(c, repeatable: true, async (server, ct) =>
        {
            try
            {
                var response = await server.Ami.SendActionAsync(new AmiAction("QueueRemove").Add("Queue", c.Queue).Add("Interface", c.Interface), ct);
                return CommandResult.Done(response.Message ?? string.Empty);
            }
            catch (AmiActionException ex) when (ex.AsteriskMessage.Contains("Not there", StringComparison.OrdinalIgnoreCase))
            {
                return new CommandResult(true, CommandOutcome.NotMember, ex.AsteriskMessage);
            }
            catch (AmiActionException ex) when (ex.AsteriskMessage.Contains("No such queue", StringComparison.OrdinalIgnoreCase))
            {
                return CommandResult.Fail(CommandOutcome.NoSuchQueue, ex.AsteriskMessage);
            }
        }, context.CancellationToken);
    }
}

/// <summary><see cref="PauseQueueMember"/> → AMI <c>QueuePause</c> (with the reason when pausing).</summary>
internal sealed class PauseQueueMemberConsumer(CommandExecutor executor) : IConsumer<PauseQueueMember>
{
    public Task Consume(ConsumeContext<PauseQueueMember> context)
    {
        var c = context.Message;
        return executor.ExecuteAsync(c, repeatable: true, async (server, ct) =>
        {
            var action = new AmiAction("QueuePause")
                .Add("Queue", c.Queue)
                .Add("Interface", c.Interface)
                .Add("Paused", c.Paused)
                .Add("Reason", c.Paused ? c.Reason : null);
            try
            {
                var response = await server.Ami.SendActionAsync(action, ct);
                return CommandResult.Done(response.Message ?? string.Empty);
            }
            catch (AmiActionException ex) when (ex.AsteriskMessage.Contains("Interface not found", StringComparison.OrdinalIgnoreCase))
            {
                return CommandResult.Fail(CommandOutcome.NotMember, ex.AsteriskMessage);
            }
        }, context.CancellationToken);
    }
}
