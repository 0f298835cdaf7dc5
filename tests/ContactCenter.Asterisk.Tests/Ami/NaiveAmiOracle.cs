using System.Text;

namespace ContactCenter.Asterisk.Tests.Ami;

/// <summary>
/// The obvious string-splitting reading of a trace (banner line, then frames separated by a blank line),
/// used as the independent expectation for the real reader.
/// </summary>
internal static class NaiveAmiOracle
{
    public static (string Banner, List<List<KeyValuePair<string, string>>> Frames) Parse(byte[] trace)
    {
        var text = Encoding.UTF8.GetString(trace).Replace("\r\n", "\n", StringComparison.Ordinal);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var banner = text[..newline];
        var frames = new List<List<KeyValuePair<string, string>>>();
        foreach (var block in text[(newline + 1)..].Split("\n\n"))
        {
            if (block.Length == 0)
            {
                continue;
            }
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var line in block.Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var value = line[(colon + 1)..];
                fields.Add(new(line[..colon], value.StartsWith(' ') ? value[1..] : value));
            }
            frames.Add(fields);
        }
        return (banner, frames);
    }

    /// <summary>The trace without its banner line: what the frame reader sees after the connection read it.</summary>
    public static byte[] WithoutBanner(byte[] trace) => trace[(Array.IndexOf(trace, (byte)'\n') + 1)..];
}
