using System.Globalization;

namespace ContactCenter.Asterisk.Tests.Ari;

/// <summary>One REST call of an <c>ari-*.rest.txt</c> trace: what the client sent and what Asterisk answered.</summary>
internal sealed record RestExchange(
    string Method,
    string Target,
    string Authorization,
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    string Body);

/// <summary>Reads the <c>&gt;&gt;&gt;</c>/<c>&lt;&lt;&lt;</c> blocks of an <c>ari-*.rest.txt</c> trace.</summary>
internal static class RestTrace
{
    public static IReadOnlyList<RestExchange> Read(string fileName)
    {
        var exchanges = new List<RestExchange>();
        foreach (var block in TraceFiles.ReadText(fileName).Split("### ", StringSplitOptions.RemoveEmptyEntries))
        {
            string? method = null, target = null, authorization = null, body = null;
            var status = 0;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith(">>> Authorization: ", StringComparison.Ordinal))
                {
                    authorization = line[">>> Authorization: ".Length..];
                }
                else if (line.StartsWith(">>> ", StringComparison.Ordinal) && line.EndsWith(" HTTP/1.1", StringComparison.Ordinal))
                {
                    var parts = line[4..].Split(' ');
                    (method, target) = (parts[0], parts[1]);
                }
                else if (line.StartsWith("<<< HTTP/1.1 ", StringComparison.Ordinal))
                {
                    status = int.Parse(line.AsSpan(13, 3), CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("<<< body: ", StringComparison.Ordinal))
                {
                    body = line["<<< body: ".Length..];
                }
                else if (line.StartsWith("<<< ", StringComparison.Ordinal) && line.Contains(": ", StringComparison.Ordinal))
                {
                    var separator = line.IndexOf(": ", StringComparison.Ordinal);
                    headers[line[4..separator]] = line[(separator + 2)..];
                }
            }
            // The WebSocket handshake block has no HTTP/1.1 request line: it is not a REST call.
            if (method is not null && target is not null)
            {
                exchanges.Add(new RestExchange(method, target, authorization ?? string.Empty, status, headers, body ?? string.Empty));
            }
        }
        return exchanges;
    }
}
