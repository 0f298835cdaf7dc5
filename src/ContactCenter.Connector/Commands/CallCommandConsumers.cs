using ContactCenter.Asterisk.Ami;
using ContactCenter.Connector.Configuration;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Channels;
using ContactCenter.Contracts.Commands;
using MassTransit;

namespace ContactCenter.Connector.Commands;

/// <summary>
/// <see cref="OriginateCall"/> → AMI <c>Originate</c> (Async), completed by its <c>OriginateResponse</c>.
/// Never repeated: a redelivered Originate that started is answered "indeterminate", not dialled again.
/// </summary>
internal sealed class OriginateCallConsumer(CommandExecutor executor, ConnectorOptions options) : IConsumer<OriginateCall>
{
    public Task Consume(ConsumeContext<OriginateCall> context)
    {
        var c = context.Message;
        return executor.ExecuteAsync(c, repeatable: false, async (server, ct) =>
        {
            var actionId = Commands.PendingOriginates.ActionIdFor(c);
            var action = new AmiAction("Originate")
            {
                ActionId = actionId,
            }
                .Add("Channel", c.Channel)
                .Add("Context", c.Context)
                .Add("Exten", c.Extension)
                .Add("Priority", c.Priority)
                .Add("CallerID", c.CallerId)
                .Add("Timeout", c.TimeoutSeconds * 1000)
                .Add("Async", true)
                .Add("Variable", $"CC_CALL_ID={c.CorrelationId}");
            foreach (var (name, value) in c.Variables)
            {
                if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal))
                {
                    return CommandResult.Fail(CommandOutcome.Rejected, $"variable name '{name}' is empty or contains '='");
                }
                action.Add("Variable", $"{name}={value}");
            }
            var response = server.Originates.Register(actionId);
            try
            {
                await server.Ami.SendActionAsync(action, ct);
                var result = await response.WaitAsync(TimeSpan.FromSeconds(c.TimeoutSeconds) + options.OriginateResultMargin, server.Originates.Time, ct);
                return result.Reason switch
                {
                    4 => new CommandResult(true, CommandOutcome.Answered, string.Empty, result.Uniqueid),
                    5 => CommandResult.Fail(CommandOutcome.Busy, "busy"),
                    3 => CommandResult.Fail(CommandOutcome.NoAnswer, "no answer"),
                    8 => CommandResult.Fail(CommandOutcome.Congestion, "congestion"),
                    _ => CommandResult.Fail(CommandOutcome.Failed, $"OriginateResponse reason {result.Reason}"),
                };
            }
            catch (TimeoutException)
            {
                return CommandResult.Fail(CommandOutcome.Timeout, "no OriginateResponse; the call may still be ringing");
            }
            finally
            {
                server.Originates.Forget(actionId);
            }
        }, context.CancellationToken);
    }
}

/// <summary><see cref="HangUpChannel"/> → ARI <c>DELETE /channels/{id}</c>, or AMI <c>Hangup</c> without ARI.</summary>
internal sealed class HangUpChannelConsumer(CommandExecutor executor) : IConsumer<HangUpChannel>
{
    public Task Consume(ConsumeContext<HangUpChannel> context)
    {
        var c = context.Message;
        return executor.ExecuteAsync(c, repeatable: true, async (server, ct) =>
        {
            if (server.Ari is { } ari)
            {
                await ari.HangupAsync(c.ChannelId, c.Cause, ct);
                return CommandResult.Done();
            }
            // Without ARI, AMI's Hangup needs the channel name: find it by Uniqueid in Asterisk's own list
            // (the call tracker belongs to the event pump and is not shared across threads).
            var channels = await server.Ami.SendActionAsync(new AmiAction("CoreShowChannels"), ct);
            var name = channels.Items.FirstOrDefault(i => i.Get("Uniqueid") == c.ChannelId)?.Get("Channel");
            if (name is null)
            {
                return CommandResult.Fail(CommandOutcome.ChannelGone, $"no channel with Uniqueid {c.ChannelId}");
            }
            return await AmiCommandAction.SendAsync(server.Ami, new AmiAction("Hangup").Add("Channel", name).Add("Cause", c.Cause), ct,
                ("No such channel", false, CommandOutcome.ChannelGone));
        }, context.CancellationToken);
    }
}

/// <summary><see cref="PlayAndHangUp"/>: the answer to a feature code, on a channel held in the Stasis application.</summary>
internal sealed class PlayAndHangUpConsumer(CommandExecutor executor) : IConsumer<PlayAndHangUp>
{
    public Task Consume(ConsumeContext<PlayAndHangUp> context)
    {
        var c = context.Message;
        return executor.ExecuteAsync(c, repeatable: false, async (server, ct) =>
        {
            if (server.FeatureCodes is not { } app)
            {
                return CommandResult.Fail(CommandOutcome.Rejected, $"server '{server.Name}' has no ARI configured: nothing is held");
            }
            var (succeeded, outcome, detail) = await app.AnswerAsync(c.ChannelId, c.Media, hangUp: true, ct);
            return new CommandResult(succeeded, outcome, detail);
        }, context.CancellationToken);
    }
}

/// <summary><see cref="AnswerAndPlay"/>: play to a held channel and keep holding it.</summary>
internal sealed class AnswerAndPlayConsumer(CommandExecutor executor) : IConsumer<AnswerAndPlay>
{
    public Task Consume(ConsumeContext<AnswerAndPlay> context)
    {
        var c = context.Message;
        return executor.ExecuteAsync(c, repeatable: false, async (server, ct) =>
        {
            if (server.FeatureCodes is not { } app)
            {
                return CommandResult.Fail(CommandOutcome.Rejected, $"server '{server.Name}' has no ARI configured: nothing is held");
            }
            var (succeeded, outcome, detail) = await app.AnswerAsync(c.ChannelId, c.Media, hangUp: false, ct);
            return new CommandResult(succeeded, outcome, detail);
        }, context.CancellationToken);
    }
}
