using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContactCenter.Benchmarks.Harness;

/// <summary>
/// The simulator executable as its own process (so its CPU is its own): started with command-line options,
/// its AMI port and ARI URL read from the banner, and its per-second progress lines followed (channels, AMI
/// events emitted) until it exits or is stopped.
/// </summary>
internal sealed partial class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines;
    private Task _output = Task.CompletedTask;
    private long _channels;
    private long _peakChannels;
    private long _events;
    private int _disposed;

    private SimulatorProcess(Process process, string arguments, List<string> lines)
    {
        _process = process;
        Arguments = arguments;
        _lines = lines;
    }

    /// <summary>The simulator's options as passed (for the results table).</summary>
    public string Arguments { get; }

    public Process Process => _process;

    public int AmiPort { get; private set; }

    public Uri? AriBaseUrl { get; private set; }

    /// <summary>Live channels in the last progress line.</summary>
    public long Channels => Interlocked.Read(ref _channels);

    public long PeakChannels => Interlocked.Read(ref _peakChannels);

    /// <summary>AMI events emitted since the load started, from the last progress line.</summary>
    public long EventsEmitted => Interlocked.Read(ref _events);

    public bool HasExited => _process.HasExited;

    /// <summary>The <c>summary:</c> line printed when <c>--duration</c> ended, if it did.</summary>
    public string? Summary
    {
        get
        {
            lock (_lines)
            {
                return _lines.LastOrDefault(l => l.StartsWith("summary:", StringComparison.Ordinal));
            }
        }
    }

    /// <param name="arguments">Simulator options, e.g. <c>--agents 100 --calls-per-second 40 --duration 30</c> (ports are added: any free one).</param>
    public static async Task<SimulatorProcess> StartAsync(string arguments, CancellationToken ct)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "ContactCenter.PbxSimulator.dll");
        var full = $"\"{exe}\" --ami-port 0 --ari-port 0 {arguments}";
        Console.WriteLine($"  simulator: dotnet ContactCenter.PbxSimulator.dll --ami-port 0 --ari-port 0 {arguments}");
        var process = Process.Start(new ProcessStartInfo("dotnet", full) { RedirectStandardOutput = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("dotnet could not be started for the simulator");
        var sim = new SimulatorProcess(process, arguments, []);
        try
        {
            await sim.ReadBannerAsync(ct);
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
        sim._output = sim.FollowAsync();
        return sim;
    }

    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    /// <summary>Stops the process if it still runs (it holds no state worth a graceful stop).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        await _output;
        _process.Dispose();
    }

    private async Task ReadBannerAsync(CancellationToken ct)
    {
        while (AmiPort == 0 || AriBaseUrl is null)
        {
            var line = await _process.StandardOutput.ReadLineAsync(ct)
                ?? throw new InvalidOperationException("The simulator exited before saying where it listens:\n" + string.Join('\n', _lines));
            _lines.Add(line);
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("AMI ", StringComparison.Ordinal))
            {
                AmiPort = int.Parse(trimmed.Split(':')[1].Split(' ')[0], CultureInfo.InvariantCulture);
            }
            else if (trimmed.StartsWith("ARI ", StringComparison.Ordinal))
            {
                AriBaseUrl = new Uri(trimmed[4..].TrimStart().Split(' ')[0]);
            }
        }
    }

    private async Task FollowAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
            if (Progress().Match(line) is { Success: true } m)
            {
                var channels = long.Parse(m.Groups["channels"].Value, CultureInfo.InvariantCulture);
                Interlocked.Exchange(ref _channels, channels);
                Interlocked.Exchange(ref _events, long.Parse(m.Groups["events"].Value, CultureInfo.InvariantCulture));
                if (channels > PeakChannels)
                {
                    Interlocked.Exchange(ref _peakChannels, channels);
                }
            }
            else if (line.StartsWith("summary:", StringComparison.Ordinal) || line.Contains("error", StringComparison.OrdinalIgnoreCase))
            {
                Console.WriteLine("  simulator " + line);
            }
        }
    }

    // "[   12s] calls 5400 (…) | AMI events 708000 (59000/s, 120.0 MiB) | channels 912 | AMI clients 1"
    [GeneratedRegex(@"AMI events (?<events>\d+) .*\| channels (?<channels>\d+)")]
    private static partial Regex Progress();
}
