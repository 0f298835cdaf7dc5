using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Worker.Tests.Agents;

/// <summary>The agents module's HTTP API and its SQLite file, for tests on the real host.</summary>
internal static class AgentsApi
{
    /// <summary>A worker with the demo seed off unless a setting says otherwise.</summary>
    public static Task<TestWorker> StartAsync(CancellationToken ct, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Agents:SeedDemoData"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return TestWorker.StartAsync(ct, all);
    }

    public static string DatabasePath(this TestWorker worker) => Path.Combine(worker.Folder, "center.db");

    public static Task<HttpResponseMessage> AdminAsync(this TestWorker worker, HttpMethod method, string path, CancellationToken ct, object? body = null) =>
        worker.SendAsync(method, path, TestKeys.Admin, ct, body is null ? null : JsonSerializer.Serialize(body, JsonSerializerOptions.Web));

    /// <summary>Sends, checks the status (showing the body when it is not the one expected) and returns the JSON body.</summary>
    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> sending, HttpStatusCode status, CancellationToken ct)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.That(response.StatusCode, Is.EqualTo(status), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Runs a statement on the worker's database, as a test's way to set up what only Asterisk events would write.</summary>
    public static async Task ExecuteAsync(this TestWorker worker, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(worker.DatabasePath(), ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Every row of a query, each as its columns' text joined by '|'.</summary>
    public static async Task<List<string>> RowsAsync(string databasePath, string sql, CancellationToken ct)
    {
        await using var connection = await OpenAsync(databasePath, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    private static async Task<SqliteConnection> OpenAsync(string path, CancellationToken ct)
    {
        var connection = new SqliteConnection($"Data Source={path};Foreign Keys=True");
        await connection.OpenAsync(ct);
        return connection;
    }
}
