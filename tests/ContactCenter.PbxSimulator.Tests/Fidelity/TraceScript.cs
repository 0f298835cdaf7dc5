using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContactCenter.PbxSimulator.Tests.Fidelity;

/// <summary>What the capture script did at one moment of a lab scenario.</summary>
internal abstract record TraceStep(DateTimeOffset At);

/// <summary>An AMI client connected (the banner arrived) — connection <paramref name="Connection"/> of the scenario.</summary>
internal sealed record ConnectStep(DateTimeOffset At, int Connection) : TraceStep(At);

/// <summary>The client wrote these bytes; Asterisk's answer (with this ActionID) arrived at <paramref name="AnsweredAt"/>.</summary>
internal sealed record SendStep(DateTimeOffset At, int Connection, byte[] Bytes, string? ActionId, DateTimeOffset? AnsweredAt) : TraceStep(At);

/// <summary>Asterisk closed the connection (Logoff, failed login, restart).</summary>
internal sealed record ClosedStep(DateTimeOffset At, int Connection) : TraceStep(At);

/// <summary>A SIP phone command: <c>dial</c> (with the number), <c>accept</c>, <c>hangup</c>.</summary>
internal sealed record PhoneStep(DateTimeOffset At, string Phone, string Command, string? Number) : TraceStep(At);

/// <summary>An ARI request the lab's Stasis app made (method, path, query).</summary>
internal sealed record AriStep(DateTimeOffset At, string Method, string Path, string Query) : TraceStep(At);

/// <summary>The ARI app opened its event WebSocket.</summary>
internal sealed record AriConnectStep(DateTimeOffset At) : TraceStep(At);

/// <summary><c>core restart now</c>.</summary>
internal sealed record RestartStep(DateTimeOffset At) : TraceStep(At);

/// <summary>
/// Rebuilds a lab scenario from its files: the AMI timelines (exact bytes written, when answers came) and
/// the steps log (phones, ARI app, restart), merged in time order.
/// </summary>
internal static partial class TraceScript
{
    private static readonly DateOnly LabDate = new(2026, 11, 21);

    public static List<TraceStep> Load(string stepsLog, params string[] timelines)
    {
        var steps = new List<TraceStep>();
        for (var i = 0; i < timelines.Length; i++)
        {
            steps.AddRange(ParseTimeline(TraceFiles.ReadLines(timelines[i]), i));
        }
        steps.AddRange(ParseSteps(TraceFiles.ReadLines(stepsLog)));
        return steps.Select((s, i) => (s, i)).OrderBy(x => x.s.At).ThenBy(x => x.i).Select(x => x.s).ToList();
    }

    public static DateTimeOffset Time(string hhmmss) =>
        new(LabDate.ToDateTime(TimeOnly.ParseExact(hhmmss, "HH:mm:ss.fff", CultureInfo.InvariantCulture)), TimeSpan.Zero);

    private static IEnumerable<TraceStep> ParseTimeline(string[] lines, int connection)
    {
        var parsed = lines.Where(l => l.Length > 13).Select(l => (At: Time(l[..12]), Dir: l.Substring(13, 3), Payload: l[17..])).ToList();
        var connected = false;
        for (var i = 0; i < parsed.Count; i++)
        {
            var (at, dir, payload) = parsed[i];
            if (dir == "<<<" && !connected)
            {
                connected = true;
                yield return new ConnectStep(at, connection);
                continue;
            }
            if (dir == "<<<" && payload.StartsWith("[connection closed", StringComparison.Ordinal))
            {
                yield return new ClosedStep(at, connection);
                continue;
            }
            if (dir != ">>>")
            {
                continue;
            }
            var bytes = PythonBytes(payload);
            var text = Encoding.ASCII.GetString(bytes);
            var actionId = ActionIdRegex().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
            DateTimeOffset? answeredAt = null;
            if (actionId is not null)
            {
                for (var j = i + 1; j < parsed.Count; j++)
                {
                    if (parsed[j].Dir == "<<<" && Encoding.ASCII.GetString(PythonBytesOrEmpty(parsed[j].Payload)).Contains("ActionID: " + actionId + "\r\n", StringComparison.Ordinal))
                    {
                        answeredAt = parsed[j].At;
                        break;
                    }
                }
            }
            yield return new SendStep(at, connection, bytes, actionId, answeredAt);
        }
    }

    private static IEnumerable<TraceStep> ParseSteps(string[] lines)
    {
        foreach (var line in lines.Where(l => l.Length > 13))
        {
            var at = Time(line[..12]);
            var rest = line[13..];
            if (PhoneRegex().Match(rest) is { Success: true } phone)
            {
                var number = phone.Groups[3].Success ? phone.Groups[3].Value : null;
                yield return new PhoneStep(at, phone.Groups[1].Value, phone.Groups[2].Value, number);
            }
            else if (AriRegex().Match(rest) is { Success: true } ari)
            {
                yield return new AriStep(at, ari.Groups[1].Value, ari.Groups[2].Value, ari.Groups[3].Value);
            }
            else if (rest.Contains("] connecting ws://", StringComparison.Ordinal))
            {
                yield return new AriConnectStep(at);
            }
            else if (rest.StartsWith("RESTART:", StringComparison.Ordinal))
            {
                yield return new RestartStep(at);
            }
        }
    }

    private static byte[] PythonBytesOrEmpty(string literal) => literal.StartsWith("b'", StringComparison.Ordinal) || literal.StartsWith("b\"", StringComparison.Ordinal) ? PythonBytes(literal) : [];

    /// <summary>Decodes a Python bytes literal (<c>b'Action: Ping\r\n\r\n'</c>) as printed in the timelines.</summary>
    internal static byte[] PythonBytes(string literal)
    {
        var quote = literal[1];
        var body = literal[2..literal.LastIndexOf(quote)];
        var bytes = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                bytes.Add((byte)c);
                continue;
            }
            var e = body[++i];
            switch (e)
            {
                case 'r': bytes.Add((byte)'\r'); break;
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case 'x':
                    bytes.Add(byte.Parse(body.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default: bytes.Add((byte)e); break;
            }
        }
        return bytes.ToArray();
    }

    [GeneratedRegex(@"ActionID: ([^\r\n]+)\r\n")]
    private static partial Regex ActionIdRegex();

    [GeneratedRegex(@"^UA(\d+) cmd (dial|accept|hangup)(?: sip:([^@]+)@)?")]
    private static partial Regex PhoneRegex();

    [GeneratedRegex(@"^ARI\[[^\]]+\] (GET|POST|DELETE) (/ari/[^ ?]+)\??(\S*) -> \d+")]
    private static partial Regex AriRegex();
}
