using System.ComponentModel;
using System.Diagnostics;

namespace ContactCenter.Benchmarks.Harness;

/// <summary>
/// CPU used by some processes over a wall-clock window, as a percentage of one core (200% = both cores of
/// a 2-core machine). The machine is shared by the connector, the simulator and RabbitMQ, so each is measured.
/// </summary>
internal sealed class CpuMeter
{
    private readonly Func<IReadOnlyList<Process>> _processes;
    private TimeSpan _cpu0;
    private long _wall0;

    private CpuMeter(Func<IReadOnlyList<Process>> processes)
    {
        _processes = processes;
        Restart();
    }

    public static CpuMeter Current() => new(() => [Process.GetCurrentProcess()]);

    public static CpuMeter Of(Process process) => new(() => [process]);

    /// <summary>The RabbitMQ node (Erlang VM); "n/a" when it cannot be read.</summary>
    public static CpuMeter RabbitMq() => new(() => Process.GetProcessesByName("beam.smp"));

    public void Restart()
    {
        _cpu0 = Total();
        _wall0 = Stopwatch.GetTimestamp();
    }

    /// <summary>Percent of one core since <see cref="Restart"/>; NaN when the process could not be read.</summary>
    public double Percent()
    {
        var wall = Stopwatch.GetElapsedTime(_wall0);
        var cpu = Total();
        return cpu < TimeSpan.Zero || _cpu0 < TimeSpan.Zero || wall <= TimeSpan.Zero ? double.NaN : (cpu - _cpu0).TotalSeconds / wall.TotalSeconds * 100;
    }

    private TimeSpan Total()
    {
        try
        {
            var processes = _processes();
            if (processes.Count == 0)
            {
                return TimeSpan.MinValue;
            }
            var total = TimeSpan.Zero;
            foreach (var p in processes)
            {
                p.Refresh();
                total += p.TotalProcessorTime;
            }
            return total;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Exited, or another user's process we may not read.
            return TimeSpan.MinValue;
        }
    }
}
