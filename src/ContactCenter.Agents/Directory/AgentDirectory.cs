using System.Data.Common;
using Dapper;

namespace ContactCenter.Agents.Directory;

/// <summary>Reads of the center's directory inside a caller's transaction (operations, consumers).</summary>
internal static class AgentDirectory
{
    private const string SelectAgent = "SELECT agent_number AS AgentNumber, name AS Name, active AS Active, CASE WHEN pin_hash IS NULL THEN 0 ELSE 1 END AS HasPin FROM agent WHERE agent_number = @AgentNumber";
    private const string SelectExtension = "SELECT interface AS Interface, server AS Server, description AS Description FROM extension WHERE interface = @Interface";
    private const string SelectPauseCode = "SELECT code AS Code, name AS Name, productive AS Productive, active AS Active FROM pause_code WHERE code = @Code";
    private const string SelectLinkedQueues = """
        SELECT l.agent_number AS AgentNumber, l.server AS Server, l.queue AS Queue, l.penalty AS Penalty
        FROM agent_queue l WHERE l.agent_number = @AgentNumber AND l.server = @Server ORDER BY l.queue
        """;
    private const string SelectQueue = "SELECT server AS Server, name AS Name, display_name AS DisplayName, wrapup_seconds AS WrapupSeconds FROM queue WHERE server = @Server AND name = @Name";

    public static Task<AgentRecord?> AgentAsync(DbTransaction tx, string agentNumber, CancellationToken ct) =>
        tx.Connection!.QuerySingleOrDefaultAsync<AgentRecord>(new CommandDefinition(SelectAgent, new { AgentNumber = agentNumber }, tx, cancellationToken: ct));

    public static Task<ExtensionRecord?> ExtensionAsync(DbTransaction tx, string @interface, CancellationToken ct) =>
        tx.Connection!.QuerySingleOrDefaultAsync<ExtensionRecord>(new CommandDefinition(SelectExtension, new { Interface = @interface }, tx, cancellationToken: ct));

    public static Task<PauseCodeRecord?> PauseCodeAsync(DbTransaction tx, string code, CancellationToken ct) =>
        tx.Connection!.QuerySingleOrDefaultAsync<PauseCodeRecord>(new CommandDefinition(SelectPauseCode, new { Code = code }, tx, cancellationToken: ct));

    public static async Task<IReadOnlyList<AgentQueueLink>> LinkedQueuesAsync(DbTransaction tx, string agentNumber, string server, CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<AgentQueueLink>(new CommandDefinition(SelectLinkedQueues, new { AgentNumber = agentNumber, Server = server }, tx, cancellationToken: ct))).ToList();

    public static Task<QueueRecord?> QueueAsync(DbTransaction tx, string server, string name, CancellationToken ct) =>
        tx.Connection!.QuerySingleOrDefaultAsync<QueueRecord>(new CommandDefinition(SelectQueue, new { Server = server, Name = name }, tx, cancellationToken: ct));
}
