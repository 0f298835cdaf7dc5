using System.Text;

namespace ContactCenter.Data;

/// <summary>
/// Splits a T-SQL script on <c>GO</c> lines. <c>GO</c> is a client (sqlcmd/SSMS) separator, not T-SQL,
/// so SqlClient must receive each batch on its own. SQLite scripts run whole.
/// </summary>
internal static class SqlBatches
{
    public static IReadOnlyList<string> Split(string script)
    {
        var batches = new List<string>();
        var current = new StringBuilder();
        foreach (var rawLine in script.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (rawLine.Trim().Equals("GO", StringComparison.OrdinalIgnoreCase))
            {
                Add(batches, current);
                continue;
            }
            current.Append(rawLine).Append('\n');
        }
        Add(batches, current);
        return batches;
    }

    /// <summary>True when the text holds nothing but whitespace and <c>--</c> comments.</summary>
    public static bool IsBlank(string sql) =>
        sql.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Trim())
            .All(line => line.Length == 0 || line.StartsWith("--", StringComparison.Ordinal));

    private static void Add(List<string> batches, StringBuilder current)
    {
        var batch = current.ToString();
        current.Clear();
        if (!IsBlank(batch))
        {
            batches.Add(batch.Trim());
        }
    }
}
