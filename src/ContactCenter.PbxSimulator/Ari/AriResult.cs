namespace ContactCenter.PbxSimulator.Ari;

/// <summary>
/// The outcome of an ARI operation as the HTTP layer sends it: status, an ARI model (or a list of them)
/// as body, or an error message written as <c>{"message":"…"}</c>.
/// </summary>
internal sealed record AriResult(int Status, object? Body = null, string? Error = null, string? Location = null)
{
    public static AriResult NoContent { get; } = new(204);

    public static AriResult Ok(object body) => new(200, body);

    public static AriResult NotFound(string message) => new(404, Error: message);

    public static AriResult Conflict(string message) => new(409, Error: message);

    public static AriResult BadRequest(string message) => new(400, Error: message);

    public static AriResult Unprocessable(string message) => new(422, Error: message);
}
