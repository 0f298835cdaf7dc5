using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ari;
using ContactCenter.Connector.Outbox;
using ContactCenter.Connector.Servers;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Channels;
using ContactCenter.Contracts.Commands;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Connector.Commands;

/// <summary>What running a command against Asterisk gave.</summary>
internal readonly record struct CommandResult(bool Succeeded, string Outcome, string Detail, string? Uniqueid = null)
{
    public static CommandResult Done(string detail = "") => new(true, CommandOutcome.Done, detail);

    public static CommandResult Fail(string outcome, string detail) => new(false, outcome, detail);
}

/// <summary>
/// The one path every command takes: find the server, consult the ledger (at most once per CommandId),
/// run the Asterisk action, map protocol failures to outcomes, and publish the <see cref="CommandCompleted"/>
/// through the outbox together with the ledger entry. Nothing here swallows an error silently: a failure is
/// an outcome in the result event; only an outbox failure escapes, so MassTransit redelivers.
/// </summary>
internal sealed partial class CommandExecutor
{
    private readonly AsteriskServerRegistry _servers;
    private readonly CommandLedger _ledger;
    private readonly EventOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger<CommandExecutor> _logger;

    public CommandExecutor(AsteriskServerRegistry servers, CommandLedger ledger, EventOutbox outbox, TimeProvider time, ILogger<CommandExecutor> logger)
    {
        _servers = servers;
        _ledger = ledger;
        _outbox = outbox;
        _time = time;
        _logger = logger;
    }

    /// <param name="repeatable">Whether running it twice is harmless (queue actions are; an Originate is not).</param>
    public async Task ExecuteAsync<TCommand>(TCommand command, bool repeatable, Func<AsteriskServer, CancellationToken, Task<CommandResult>> run, CancellationToken ct)
        where TCommand : IAsteriskCommand
    {
        var name = typeof(TCommand).Name;
        var server = _servers.Find(command.Server);
        if (server is null)
        {
            // Not ours: the sender addressed the wrong connector queue. Answer, do not execute.
            await PublishUnledgeredAsync(command, name, CommandResult.Fail(CommandOutcome.Rejected, $"server '{command.Server}' is not owned by this connector"), ct);
            return;
        }

        var earlier = await _ledger.BeginAsync(command, name, _time.GetUtcNow(), ct);
        if (earlier is { Completed: true })
        {
            Log.Repeated(_logger, name, command.CommandId);
            await _ledger.RepeatAsync(earlier, command, name, ct);
            return;
        }
        CommandResult result;
        if (earlier is not null && !repeatable)
        {
            result = CommandResult.Fail(CommandOutcome.Failed, "indeterminate: an earlier attempt started and did not finish; not repeated to avoid acting twice");
        }
        else
        {
            result = await RunAsync(server, run, ct);
        }
        Log.Completed(_logger, name, command.CommandId, command.Server, result.Outcome, result.Detail);
        if (command is IAnswersPhone { Answer: { } answer } && server.FeatureCodes is { } app)
        {
            // Before the ledger: the phone waits on this, the CommandCompleted only feeds the operation's record.
            await app.StepAnsweredAsync(answer, command.CommandId, result.Succeeded, ct);
        }
        await _ledger.CompleteAsync(new CommandCompleted(Guid.NewGuid(), command.Server, _time.GetUtcNow(), command.CommandId, name, command.RequestedBy,
            result.Succeeded, result.Outcome, result.Detail, result.Uniqueid), ct);
    }

    private static async Task<CommandResult> RunAsync(AsteriskServer server, Func<AsteriskServer, CancellationToken, Task<CommandResult>> run, CancellationToken ct)
    {
        try
        {
            return await run(server, ct);
        }
        catch (AmiConnectionException ex)
        {
            return CommandResult.Fail(CommandOutcome.NotConnected, ex.Message);
        }
        catch (AmiTimeoutException ex)
        {
            return CommandResult.Fail(CommandOutcome.Timeout, ex.Message);
        }
        catch (AmiActionException ex)
        {
            return CommandResult.Fail(CommandOutcome.Failed, ex.AsteriskMessage);
        }
        catch (AriHttpException ex) when (ex.IsNotFound)
        {
            return CommandResult.Fail(CommandOutcome.ChannelGone, ex.AsteriskMessage);
        }
        catch (AriConnectionException ex)
        {
            return CommandResult.Fail(CommandOutcome.NotConnected, ex.Message);
        }
        catch (AriTimeoutException ex)
        {
            return CommandResult.Fail(CommandOutcome.Timeout, ex.Message);
        }
        catch (AriException ex)
        {
            return CommandResult.Fail(CommandOutcome.Failed, ex.Message);
        }
        catch (ArgumentException ex)
        {
            // A value Asterisk must never see (CR/LF, bad variable name): refused before sending.
            return CommandResult.Fail(CommandOutcome.Rejected, ex.Message);
        }
    }

    private async Task PublishUnledgeredAsync(IAsteriskCommand command, string name, CommandResult result, CancellationToken ct)
    {
        Log.Completed(_logger, name, command.CommandId, command.Server, result.Outcome, result.Detail);
        await _outbox.AppendAsync([(new CommandCompleted(RejectionId(command.CommandId), command.Server, _time.GetUtcNow(), command.CommandId, name, command.RequestedBy,
            result.Succeeded, result.Outcome, result.Detail, result.Uniqueid), 0L)], ct);
    }

    /// <summary>
    /// Nothing is ledgered for a command this connector does not own, so a redelivery answers again: the same
    /// event id each time lets the receiver's deduplication see one answer.
    /// </summary>
    internal static Guid RejectionId(Guid commandId)
    {
        Span<byte> bytes = stackalloc byte[16];
        commandId.TryWriteBytes(bytes);
        var hash = System.Security.Cryptography.SHA256.HashData(bytes);
        return new Guid(hash.AsSpan(0, 16));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "{Command} {CommandId} on {Server}: {Outcome} {Detail}")]
        public static partial void Completed(ILogger logger, string command, Guid commandId, string server, string outcome, string detail);

        [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "{Command} {CommandId} was delivered again; answering with its stored result")]
        public static partial void Repeated(ILogger logger, string command, Guid commandId);
    }
}
