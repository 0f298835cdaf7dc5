using ContactCenter.Data;
using Dapper;

namespace ContactCenter.Agents.Directory;

/// <summary>The Asterisk queues the center uses, per server. The name is the queues.conf section; the wrap-up should match it.</summary>
internal sealed class QueueAdmin(Database database)
{
    private const string Columns = "server AS Server, name AS Name, display_name AS DisplayName, wrapup_seconds AS WrapupSeconds";
    private const string SelectAll = $"SELECT {Columns} FROM queue WHERE @Server IS NULL OR server = @Server ORDER BY server, name";
    private const string SelectOne = $"SELECT {Columns} FROM queue WHERE server = @Server AND name = @Name";
    private const string Update = "UPDATE queue SET display_name = @DisplayName, wrapup_seconds = @WrapupSeconds WHERE server = @Server AND name = @Name";
    private const string Insert = "INSERT INTO queue (server, name, display_name, wrapup_seconds) VALUES (@Server, @Name, @DisplayName, @WrapupSeconds)";
    private const string SelectLinked = "SELECT agent_number FROM agent_queue WHERE server = @Server AND queue = @Name ORDER BY agent_number";
    private const string SelectMembers = "SELECT agent_number FROM agent_membership WHERE server = @Server AND queue = @Name ORDER BY agent_number";
    private const string Delete = "DELETE FROM queue WHERE server = @Server AND name = @Name";

    public Task<IReadOnlyList<QueueRecord>> ListAsync(string? server, int offset, int limit, CancellationToken ct) =>
        database.WithConnectionAsync<IReadOnlyList<QueueRecord>>(async (c, token) =>
            (await c.QueryAsync<QueueRecord>(new CommandDefinition(database.Dialect.Paged(SelectAll), new { Server = server, Offset = offset, Limit = limit },
                cancellationToken: token))).ToList(), ct);

    public Task<QueueRecord?> GetAsync(string server, string name, CancellationToken ct) =>
        database.WithConnectionAsync((c, token) =>
            c.QuerySingleOrDefaultAsync<QueueRecord>(new CommandDefinition(SelectOne, new { Server = server, Name = name }, cancellationToken: token)), ct);

    public Task<(QueueRecord Queue, bool Created)> UpsertAsync(QueueRecord queue, CancellationToken ct) =>
        database.InTransactionAsync(async (c, tx, token) =>
        {
            var created = await DirectoryWrite.UpsertAsync(tx, database.Dialect, Update, Insert, queue, token);
            var saved = await c.QuerySingleAsync<QueueRecord>(new CommandDefinition(SelectOne, new { queue.Server, queue.Name }, tx, cancellationToken: token));
            return (saved, created);
        }, ct);

    /// <summary>Removes the queue, unless agents are linked to it or logged in to it: the links go first, explicitly.</summary>
    public Task<DeleteResult> DeleteAsync(string server, string name, CancellationToken ct) =>
        database.InTransactionAsync(async (c, tx, token) =>
        {
            var args = new { Server = server, Name = name };
            var linked = (await c.QueryAsync<string>(new CommandDefinition(SelectLinked, args, tx, cancellationToken: token))).ToList();
            if (linked.Count > 0)
            {
                return new DeleteResult(DeleteOutcome.InUse, $"agents are linked to queue {name} on {server}: {string.Join(", ", linked)}");
            }
            var members = (await c.QueryAsync<string>(new CommandDefinition(SelectMembers, args, tx, cancellationToken: token))).ToList();
            if (members.Count > 0)
            {
                return new DeleteResult(DeleteOutcome.InUse, $"agents are logged in to queue {name} on {server}: {string.Join(", ", members)}");
            }
            return await c.ExecuteAsync(new CommandDefinition(Delete, args, tx, cancellationToken: token)) == 0 ? DeleteResult.NotFound : DeleteResult.Deleted;
        }, ct);
}
