using System.Runtime;
using System.Runtime.InteropServices;

namespace ContactCenter.Benchmarks.Harness;

/// <summary>What a result depends on, printed under every results table.</summary>
internal static class MachineFacts
{
    /// <param name="loadAverage">The load average when the run started (<see cref="LoadAverage"/>).</param>
    public static string Describe(string loadAverage) =>
        $"{Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, " +
        $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, load average at start {loadAverage}";

    /// <summary>1, 5 and 15 minute load averages (Linux), to tell an idle machine from a busy one.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string CpuModel()
    {
        const string Key = "model name";
        if (!File.Exists("/proc/cpuinfo"))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
