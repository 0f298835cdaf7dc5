using ContactCenter.PbxSimulator.Tests.Fidelity;

namespace ContactCenter.PbxSimulator.Tests;

/// <summary>Simulator set-ups shared by the tests.</summary>
internal static class Sims
{
    /// <summary>The product configuration (embedded asterisk-config), manual clock, four agent phones.</summary>
    public static Task<PbxSimulator> ProductAsync(CancellationToken ct, Action<PbxSimulatorOptions>? configure = null)
    {
        var options = new PbxSimulatorOptions { Clock = SimClockMode.Manual, StartTime = LabReplay.LabStart, Agents = 4 };
        configure?.Invoke(options);
        return PbxSimulator.StartAsync(options, cancellationToken: ct);
    }

    /// <summary>The lab configuration of the traces, manual clock.</summary>
    public static Task<PbxSimulator> LabAsync(CancellationToken ct, Action<PbxSimulatorOptions>? configure = null)
    {
        var options = LabReplay.LabOptions();
        configure?.Invoke(options);
        return PbxSimulator.StartAsync(options, cancellationToken: ct);
    }

    /// <summary>Polls a condition that is not simulator state (socket progress, counters updated after an operation).</summary>
    public static async Task Poll(Func<bool> condition, CancellationToken ct)
    {
        while (!condition())
        {
            await Task.Delay(2, ct);
        }
    }

    /// <summary>Awaits a condition on simulator state (re-checked after every simulator operation).</summary>
    public static Task Until(this PbxSimulator sim, Func<bool> condition, CancellationToken ct) => sim.WaitUntilAsync(condition, ct);
}
