using System.Data.Common;
using ContactCenter.Agents.Operations;
using ContactCenter.Agents.State;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Queues;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Agents.Reconciliation;

/// <summary>
/// Corrects the agents' records to Asterisk's membership after a connector resync. Asterisk decides: a
/// member it no longer has is logged out, one it has that was not recorded is logged in, a pause that
/// differs is taken from it — each recorded as <c>reconcile</c> history. The exception is an Asterisk
/// restart: dynamic members are lost by the restart itself, not by anyone's decision, so they are restored
/// with their pause and reason.
/// </summary>
internal sealed partial class MembershipReconciler(MembershipRecorder members, OperationMessages messages, ILogger<MembershipReconciler> logger)
{
    private const string SelectRecorded = """
        SELECT agent_number AS AgentNumber, server AS Server, queue AS Queue, interface AS Interface, paused AS Paused, pause_code AS PauseCode
        FROM agent_membership WHERE server = @Server
        """;

    private const string SelectPenalty = "SELECT penalty FROM agent_queue WHERE agent_number = @AgentNumber AND server = @Server AND queue = @Queue";

    public async Task ReconcileAsync(DbTransaction tx, QueueMembershipSnapshot snapshot, DateTime now, CancellationToken ct)
    {
        var server = snapshot.Server;
        var recorded = (await tx.Connection!.QueryAsync<MembershipRow>(new CommandDefinition(SelectRecorded, new { Server = server }, tx, cancellationToken: ct))).ToList();
        var actual = snapshot.Members.ToDictionary(m => (m.Queue, m.Interface));
        int restored = 0, removed = 0, learned = 0, changed = 0;

        foreach (var row in recorded)
        {
            if (actual.TryGetValue((row.Queue, row.Interface), out var member))
            {
                var pauseCode = member.Paused ? member.PausedReason : null;
                if (row.Paused != member.Paused || row.PauseCode != pauseCode)
                {
                    await members.OnPresentAsync(tx, server, member, member.Paused ? StepAction.Pause : StepAction.Unpause, now, ct, AgentStateSource.Reconcile);
                    changed++;
                }
                continue;
            }
            if (snapshot.AsteriskRestarted)
            {
                var penalty = await tx.Connection!.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(SelectPenalty,
                    new { row.AgentNumber, row.Server, row.Queue }, tx, cancellationToken: ct)) ?? 0;
                var add = new AddQueueMember(Guid.NewGuid(), server, AgentStateSource.Reconcile, row.Queue, row.Interface, row.AgentNumber, row.Interface,
                    penalty, row.Paused, row.Paused ? row.PauseCode : null);
                await messages.SendCommandAsync(tx, row.AgentNumber, add, ct);
                restored++;
                continue;
            }
            var gone = new QueueMember(row.Queue, row.Interface, row.AgentNumber, row.Interface, 0, row.Paused, row.PauseCode ?? string.Empty, 0, false, 0, true);
            await members.OnRemovedAsync(tx, server, gone, now, ct, AgentStateSource.Reconcile, "absent from Asterisk after a resync");
            removed++;
        }

        foreach (var member in snapshot.Members.Where(m => !recorded.Any(r => r.Queue == m.Queue && r.Interface == m.Interface)))
        {
            await members.OnPresentAsync(tx, server, member, StepAction.Add, now, ct, AgentStateSource.Reconcile);
            learned++;
        }
        Log.Reconciled(logger, server, snapshot.AsteriskRestarted, restored, removed, learned, changed);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "{Server}: agents reconciled with Asterisk (restarted {Restarted}): {Restored} memberships restored, {Removed} removed, {Learned} learned, {Changed} pauses corrected")]
        public static partial void Reconciled(ILogger logger, string server, bool restarted, int restored, int removed, int learned, int changed);
    }
}
