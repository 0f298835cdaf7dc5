using System.Globalization;

namespace ContactCenter.PbxSimulator.Cli;

/// <summary>The executable's command line (ops and benchmarks script it: keep the names stable).</summary>
internal sealed record CommandLine
{
    public const string Usage = """
        Usage: ContactCenter.PbxSimulator [options]

          --ami-port N            AMI TCP port (default 5038; 0 = any free port)
          --ari-port N            ARI HTTP/WebSocket port (default 8088; 0 = any free port)
          --bind ADDRESS          address to listen on (default 127.0.0.1)
          --user NAME             AMI user, also the ARI user (default admin)
          --secret SECRET         AMI secret / ARI password (default admin)
          --agents N              agent phones PJSIP/6001… registered (default 10)
          --calls-per-second R    generate customer calls into the queue at this rate (default 0: no load)
          --talk-seconds S        average talk time of generated calls (default 30)
          --abandon-ratio X       share of generated callers who abandon, 0-1 (default 0)
          --ring-seconds S        how long agent phones ring before answering (default 1)
          --duration D            stop after D (e.g. 60, 90s, 5m) and print a summary
          --seed N                seed of every random choice, for repeatable runs (default 1)
          --queue NAME            queue the agents join (default support)
          --extension EXT         extension generated callers dial (default 7000)
          --extensions FILE       extensions.conf to run (default: the product's asterisk-config, embedded)
          --queues FILE           queues.conf to run (default: the product's asterisk-config, embedded)
          --no-timestamps         do not add Timestamp: to AMI events (timestampevents = no)
          --fast                  run simulated time as fast as the slowest AMI client reads (load benchmarks)
          --help                  this text
        """;

    public int AmiPort { get; init; } = 5038;

    public int AriPort { get; init; } = 8088;

    public string Bind { get; init; } = "127.0.0.1";

    public string User { get; init; } = "admin";

    public string Secret { get; init; } = "admin";

    public bool DefaultCredentials { get; init; } = true;

    public int Agents { get; init; } = 10;

    public double CallsPerSecond { get; init; }

    public double TalkSeconds { get; init; } = 30;

    public double AbandonRatio { get; init; }

    public double RingSeconds { get; init; } = 1;

    public TimeSpan? Duration { get; init; }

    public int Seed { get; init; } = 1;

    public string Queue { get; init; } = "support";

    public string Extension { get; init; } = "7000";

    public string? ExtensionsFile { get; init; }

    public string? QueuesFile { get; init; }

    public bool Timestamps { get; init; } = true;

    public bool Fast { get; init; }

    public bool Help { get; init; }

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> naming the bad option.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value");
            result = name switch
            {
                "--ami-port" => result with { AmiPort = Port(name, Value()) },
                "--ari-port" => result with { AriPort = Port(name, Value()) },
                "--bind" => result with { Bind = Value() },
                "--user" => result with { User = Value(), DefaultCredentials = false },
                "--secret" => result with { Secret = Value(), DefaultCredentials = false },
                "--agents" => result with { Agents = (int)Number(name, Value(), 0, 3999) },
                "--calls-per-second" => result with { CallsPerSecond = Number(name, Value(), 0, 100_000) },
                "--talk-seconds" => result with { TalkSeconds = Number(name, Value(), 0, 86_400) },
                "--abandon-ratio" => result with { AbandonRatio = Number(name, Value(), 0, 1) },
                "--ring-seconds" => result with { RingSeconds = Number(name, Value(), 0, 3600) },
                "--duration" => result with { Duration = ParseDuration(name, Value()) },
                "--seed" => result with { Seed = (int)Number(name, Value(), int.MinValue, int.MaxValue) },
                "--queue" => result with { Queue = Value() },
                "--extension" => result with { Extension = Value() },
                "--extensions" => result with { ExtensionsFile = Value() },
                "--queues" => result with { QueuesFile = Value() },
                "--no-timestamps" => result with { Timestamps = false },
                "--fast" => result with { Fast = true },
                "--help" or "-h" => result with { Help = true },
                _ => throw new FormatException($"unknown option '{name}'"),
            };
        }
        return result;
    }

    private static int Port(string name, string value) => (int)Number(name, value, 0, 65535);

    private static double Number(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new FormatException($"{name} must be a number between {min} and {max}, was '{value}'");

    private static TimeSpan ParseDuration(string name, string value)
    {
        var unit = value[^1];
        var (number, scale) = char.IsLetter(unit) ? (value[..^1], unit) : (value, 's');
        var seconds = Number(name, number, 0.001, 31_536_000) * scale switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            _ => throw new FormatException($"{name}: unit '{unit}' is not s, m or h"),
        };
        return TimeSpan.FromSeconds(seconds);
    }
}
