namespace ContactCenter.PbxSimulator.Tests.Fidelity;

/// <summary>One REST exchange of an <c>ari-NN.rest.txt</c> trace, or recorded against the simulator.</summary>
internal sealed record RestExchange(string Method, string Target, int Status, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>Reads the REST calls and raw answers of an ARI trace (the WebSocket handshake section is skipped).</summary>
internal static class RestTrace
{
    public static List<RestExchange> Load(string fileName)
    {
        var exchanges = new List<RestExchange>();
        string? method = null, target = null, body = null;
        var status = 0;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Flush()
        {
            if (method is not null)
            {
                exchanges.Add(new RestExchange(method, target!, status, headers, body ?? string.Empty));
            }
            method = target = body = null;
            status = 0;
            headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }
        foreach (var line in TraceFiles.ReadLines(fileName))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
            }
            else if (line.StartsWith(">>> ", StringComparison.Ordinal) && line.EndsWith(" HTTP/1.1", StringComparison.Ordinal))
            {
                var parts = line[4..].Split(' ');
                method = parts[0];
                target = parts[1];
            }
            else if (line.StartsWith("<<< HTTP/1.1 ", StringComparison.Ordinal))
            {
                status = int.Parse(line.AsSpan(13, 3), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("<<< body: ", StringComparison.Ordinal))
            {
                body = line[10..];
            }
            else if (line.StartsWith("<<< ", StringComparison.Ordinal) && line.Contains(": ", StringComparison.Ordinal) && method is not null)
            {
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                headers[line[4..colon]] = line[(colon + 2)..];
            }
        }
        Flush();
        return exchanges;
    }
}
