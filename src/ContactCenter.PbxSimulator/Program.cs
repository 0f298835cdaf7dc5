using ContactCenter.PbxSimulator.Cli;

namespace ContactCenter.PbxSimulator;

/// <summary>Entry point of the executable (a named class: the library is also referenced by tests and benchmarks).</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => SimulatorCommand.RunAsync(args);
}
