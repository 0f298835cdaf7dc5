using ContactCenter.Data;
using Dapper;

namespace ContactCenter.Agents.Directory;

/// <summary>The center's phones (<c>PJSIP/6001</c>) and the Asterisk server each one registers to.</summary>
internal sealed class ExtensionAdmin(Database database)
{
    private const string SelectAll = """
        SELECT interface AS Interface, server AS Server, description AS Description FROM extension
        WHERE @Server IS NULL OR server = @Server ORDER BY interface
        """;

    private const string SelectOne = "SELECT interface AS Interface, server AS Server, description AS Description FROM extension WHERE interface = @Interface";
    private const string Update = "UPDATE extension SET server = @Server, description = @Description WHERE interface = @Interface";
    private const string Insert = "INSERT INTO extension (interface, server, description) VALUES (@Interface, @Server, @Description)";
    private const string SelectLoggedIn = "SELECT agent_number FROM agent_status WHERE interface = @Interface";
    private const string Delete = "DELETE FROM extension WHERE interface = @Interface";

    public Task<IReadOnlyList<ExtensionRecord>> ListAsync(string? server, int offset, int limit, CancellationToken ct) =>
        database.WithConnectionAsync<IReadOnlyList<ExtensionRecord>>(async (c, token) =>
            (await c.QueryAsync<ExtensionRecord>(new CommandDefinition(database.Dialect.Paged(SelectAll), new { Server = server, Offset = offset, Limit = limit },
                cancellationToken: token))).ToList(), ct);

    public Task<(ExtensionRecord Extension, bool Created)> UpsertAsync(ExtensionRecord extension, CancellationToken ct) =>
        database.InTransactionAsync(async (c, tx, token) =>
        {
            var created = await DirectoryWrite.UpsertAsync(tx, database.Dialect, Update, Insert, extension, token);
            var saved = await c.QuerySingleAsync<ExtensionRecord>(new CommandDefinition(SelectOne, new { extension.Interface }, tx, cancellationToken: token));
            return (saved, created);
        }, ct);

    /// <summary>Removes the extension, unless an agent is logged in at it (its session would point at a phone the center no longer knows).</summary>
    public Task<DeleteResult> DeleteAsync(string @interface, CancellationToken ct) =>
        database.InTransactionAsync(async (c, tx, token) =>
        {
            var args = new { Interface = @interface };
            if (await c.QueryFirstOrDefaultAsync<string>(new CommandDefinition(SelectLoggedIn, args, tx, cancellationToken: token)) is { } agent)
            {
                return new DeleteResult(DeleteOutcome.InUse, $"agent {agent} is logged in at {@interface}");
            }
            return await c.ExecuteAsync(new CommandDefinition(Delete, args, tx, cancellationToken: token)) == 0 ? DeleteResult.NotFound : DeleteResult.Deleted;
        }, ct);
}
