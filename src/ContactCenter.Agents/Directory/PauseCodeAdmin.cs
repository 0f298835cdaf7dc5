using ContactCenter.Data;
using Dapper;

namespace ContactCenter.Agents.Directory;

/// <summary>
/// The reasons agents pause with (<c>**2&lt;code&gt;</c>). Deactivated, never deleted: history rows and statistics name them.
/// </summary>
internal sealed class PauseCodeAdmin(Database database)
{
    private const string Columns = "code AS Code, name AS Name, productive AS Productive, active AS Active";
    private const string SelectAll = $"SELECT {Columns} FROM pause_code ORDER BY code";
    private const string SelectOne = $"SELECT {Columns} FROM pause_code WHERE code = @Code";
    private const string Update = "UPDATE pause_code SET name = @Name, productive = @Productive, active = @Active WHERE code = @Code";
    private const string Insert = "INSERT INTO pause_code (code, name, productive, active) VALUES (@Code, @Name, @Productive, @Active)";
    private const string Deactivate = "UPDATE pause_code SET active = 0 WHERE code = @Code";

    public Task<IReadOnlyList<PauseCodeRecord>> ListAsync(CancellationToken ct) =>
        database.WithConnectionAsync<IReadOnlyList<PauseCodeRecord>>(async (c, token) =>
            (await c.QueryAsync<PauseCodeRecord>(new CommandDefinition(SelectAll, cancellationToken: token))).ToList(), ct);

    public Task<(PauseCodeRecord Code, bool Created)> UpsertAsync(PauseCodeRecord code, CancellationToken ct) =>
        database.InTransactionAsync(async (c, tx, token) =>
        {
            var created = await DirectoryWrite.UpsertAsync(tx, database.Dialect, Update, Insert, code, token);
            var saved = await c.QuerySingleAsync<PauseCodeRecord>(new CommandDefinition(SelectOne, new { code.Code }, tx, cancellationToken: token));
            return (saved, created);
        }, ct);

    /// <summary>Marks the code inactive (a pause with it is refused from then on); null when there is no such code.</summary>
    public Task<PauseCodeRecord?> DeactivateAsync(string code, CancellationToken ct) =>
        database.InTransactionAsync(async (c, tx, token) =>
            await c.ExecuteAsync(new CommandDefinition(Deactivate, new { Code = code }, tx, cancellationToken: token)) == 0
                ? null
                : await c.QuerySingleAsync<PauseCodeRecord>(new CommandDefinition(SelectOne, new { Code = code }, tx, cancellationToken: token)), ct);
}
