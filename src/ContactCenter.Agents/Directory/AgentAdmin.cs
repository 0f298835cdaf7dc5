using ContactCenter.Data;
using Dapper;

namespace ContactCenter.Agents.Directory;

/// <summary>An agent as the admin API sees it: never the PIN, only whether there is one.</summary>
internal sealed class AgentDetails
{
    public string AgentNumber { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public bool Active { get; set; }

    public bool HasPin { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>What an upsert does to the PIN: keep it, remove it, or replace it with a new one.</summary>
internal readonly record struct PinChange(bool Keep, string? NewPin)
{
    public static PinChange Unchanged => new(true, null);

    public static PinChange Remove => new(false, null);

    public static PinChange Set(string pin) => new(false, pin);
}

/// <summary>
/// The center's agents. Agents are deactivated, never deleted: their sessions, history and calls refer to them.
/// </summary>
internal sealed class AgentAdmin(Database database, TimeProvider time)
{
    private const string Columns = """
        agent_number AS AgentNumber, name AS Name, active AS Active, CASE WHEN pin_hash IS NULL THEN 0 ELSE 1 END AS HasPin, created_at AS CreatedAt
        """;

    private const string SelectAll = $"SELECT {Columns} FROM agent ORDER BY agent_number";
    private const string SelectOne = $"SELECT {Columns} FROM agent WHERE agent_number = @AgentNumber";

    // The PIN column is only written when the request says so (@KeepPin = 0).
    private const string Update = """
        UPDATE agent SET name = @Name, active = @Active, pin_hash = CASE WHEN @KeepPin = 1 THEN pin_hash ELSE @PinHash END
        WHERE agent_number = @AgentNumber
        """;

    private const string Insert = "INSERT INTO agent (agent_number, name, pin_hash, active, created_at) VALUES (@AgentNumber, @Name, @PinHash, @Active, @Now)";
    private const string Deactivate = "UPDATE agent SET active = 0 WHERE agent_number = @AgentNumber";

    public Task<IReadOnlyList<AgentDetails>> ListAsync(int offset, int limit, CancellationToken ct) =>
        database.WithConnectionAsync<IReadOnlyList<AgentDetails>>(async (c, token) =>
            (await c.QueryAsync<AgentDetails>(new CommandDefinition(database.Dialect.Paged(SelectAll), new { Offset = offset, Limit = limit }, cancellationToken: token))).ToList(), ct);

    public Task<AgentDetails?> GetAsync(string agentNumber, CancellationToken ct) =>
        database.WithConnectionAsync((c, token) =>
            c.QuerySingleOrDefaultAsync<AgentDetails>(new CommandDefinition(SelectOne, new { AgentNumber = agentNumber }, cancellationToken: token)), ct);

    /// <summary>Creates or updates the agent; <c>Created</c> is true when it did not exist.</summary>
    public async Task<(AgentDetails Agent, bool Created)> UpsertAsync(string agentNumber, string name, bool active, PinChange pin, CancellationToken ct)
    {
        // Hashed before the transaction: PBKDF2 is deliberately slow and must not hold SQLite's write lock.
        var pinHash = pin.NewPin is { } newPin ? PinHash.Hash(newPin) : null;
        var args = new { AgentNumber = agentNumber, Name = name, Active = active, KeepPin = pin.Keep, PinHash = pinHash, Now = time.GetUtcNow().UtcDateTime };
        return await database.InTransactionAsync(async (c, tx, token) =>
        {
            var created = await DirectoryWrite.UpsertAsync(tx, database.Dialect, Update, Insert, args, token);
            var agent = await c.QuerySingleAsync<AgentDetails>(new CommandDefinition(SelectOne, new { AgentNumber = agentNumber }, tx, cancellationToken: token));
            return (agent, created);
        }, ct);
    }

    /// <summary>Marks the agent inactive (a login is refused from then on); null when there is no such agent.</summary>
    public Task<AgentDetails?> DeactivateAsync(string agentNumber, CancellationToken ct) =>
        database.InTransactionAsync(async (c, tx, token) =>
            await c.ExecuteAsync(new CommandDefinition(Deactivate, new { AgentNumber = agentNumber }, tx, cancellationToken: token)) == 0
                ? null
                : await c.QuerySingleAsync<AgentDetails>(new CommandDefinition(SelectOne, new { AgentNumber = agentNumber }, tx, cancellationToken: token)), ct);
}
