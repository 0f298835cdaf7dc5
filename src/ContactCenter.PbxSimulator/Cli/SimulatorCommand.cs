using System.Globalization;
using ContactCenter.PbxSimulator.Channels;
using Microsoft.Extensions.Logging;

namespace ContactCenter.PbxSimulator.Cli;

/// <summary>
/// The executable: starts the simulator from the command line, says where it listens and what it does
/// (logins, calls, load progress), and with <c>--duration</c> exits with a summary.
/// </summary>
internal static class SimulatorCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        CommandLine cli;
        try
        {
            cli = CommandLine.Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}\n\n{CommandLine.Usage}");
            return 2;
        }
        if (cli.Help)
        {
            await Console.Out.WriteLineAsync(CommandLine.Usage);
            return 0;
        }
        var options = new PbxSimulatorOptions
        {
            AmiPort = cli.AmiPort,
            AriPort = cli.AriPort,
            BindAddress = cli.Bind,
            Username = cli.User,
            Secret = cli.Secret,
            Agents = cli.Agents,
            ExtensionsConfPath = cli.ExtensionsFile,
            QueuesConfPath = cli.QueuesFile,
            TimestampEvents = cli.Timestamps,
            Seed = cli.Seed,
            Clock = cli.Fast ? SimClockMode.Manual : SimClockMode.RealTime,
        };
        using var loggerFactory = LoggerFactory.Create(b => b
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            })
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        PbxSimulator sim;
        try
        {
            sim = await PbxSimulator.StartAsync(options, loggerFactory, stop.Token);
        }
        catch (Exception ex) when (ex is ArgumentException or PbxConfigException or IOException or System.Net.Sockets.SocketException)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            return 1;
        }
        await using (sim)
        {
            await PrintBannerAsync(sim, cli);
            var heavy = cli.CallsPerSecond > 2;
            if (!heavy)
            {
                sim.Engine.ChannelChanged += PrintCall;
            }
            if (cli.CallsPerSecond > 0)
            {
                return await RunLoadAsync(sim, cli, stop.Token);
            }
            await WaitAsync(cli.Duration, stop.Token);
            await Console.Out.WriteLineAsync($"stopped; AMI events emitted: {sim.AmiTraffic.Events}");
            return 0;
        }
    }

    private static async Task<int> RunLoadAsync(PbxSimulator sim, CommandLine cli, CancellationToken ct)
    {
        var load = new LoadOptions
        {
            Agents = cli.Agents,
            CallsPerSecond = cli.CallsPerSecond,
            TalkTime = TimeSpan.FromSeconds(cli.TalkSeconds),
            AbandonRatio = cli.AbandonRatio,
            RingTime = TimeSpan.FromSeconds(cli.RingSeconds),
            Duration = cli.Duration ?? TimeSpan.FromDays(365),
            Seed = cli.Seed,
            Queue = cli.Queue,
            Extension = cli.Extension,
            Pace = cli.Fast ? LoadPace.AsFastAsPossible : LoadPace.RealTime,
            Progress = r => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{r.Elapsed.TotalSeconds,5:0}s] calls {r.Calls} ({r.Answered} answered, {r.Abandoned} abandoned) | AMI events {r.Events} ({r.EventsPerSecond:0}/s, {r.Bytes / 1_048_576.0:0.0} MiB) | channels {sim.Channels.Count} | AMI clients {sim.AmiSessions}")),
        };
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"load: {cli.CallsPerSecond} calls/s into {cli.Extension} (queue {cli.Queue}) answered by {cli.Agents} agents after {cli.RingSeconds} s, talk ~{cli.TalkSeconds} s, abandon {cli.AbandonRatio:P0}{(cli.Duration is { } d ? $", for {d.TotalSeconds:0} s" : ", until Ctrl+C")}"));
        try
        {
            var report = await sim.RunLoadAsync(load, ct);
            await Console.Out.WriteLineAsync("summary: " + report);
            return 0;
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            return 1;
        }
    }

    private static async Task PrintBannerAsync(PbxSimulator sim, CommandLine cli)
    {
        var o = sim.Options;
        var phones = o.Agents == 0 ? "none" : o.Agents == 1 ? "PJSIP/6001" : $"PJSIP/6001 … PJSIP/{6000 + o.Agents}";
        await Console.Out.WriteLineAsync($"""
            ContactCenter PBX simulator (stand-in for Asterisk {o.AsteriskVersion})
              AMI  {o.BindAddress}:{sim.AmiPort}   user '{o.Username}'   timestampevents = {(o.TimestampEvents ? "yes" : "no")}
              ARI  {sim.AriBaseUrl}   events: ws://{o.BindAddress}:{sim.AriPort}/ari/events?app=contactcenter
              dialplan: {o.ExtensionsConfPath ?? "asterisk-config/extensions.conf (embedded)"}; queues: {string.Join(", ", sim.Engine.Queues.All.Select(q => $"{q.Name} ({q.Definition.StrategyName})"))}
              phones: {phones} registered; customers call in through PJSIP/trunk (context {sim.Engine.Trunk.Context})
              clock: {o.Clock}
            """);
        if (cli.DefaultCredentials)
        {
            await Console.Out.WriteLineAsync("WARNING: using the default credentials admin/admin: pass --user and --secret for anything but a local demo");
        }
    }

    private static void PrintCall(SimChannel ch, bool created)
    {
        var text = created
            ? ch.Direction == ChannelDirection.Inbound
                ? $"call  + {ch.Name} ({ch.CallerNum}) dials {ch.Exten}"
                : $"call  + {ch.Name} rings {ch.RemoteNumber ?? ch.Endpoint.Device}"
            : $"call  - {ch.Name} hung up (cause {ch.HangupCause})";
        Console.WriteLine(DateTime.Now.ToString("HH:mm:ss ", CultureInfo.InvariantCulture) + text);
    }

    private static async Task WaitAsync(TimeSpan? duration, CancellationToken ct)
    {
        try
        {
            await Task.Delay(duration ?? Timeout.InfiniteTimeSpan, ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }
    }
}
