using BenchmarkDotNet.Running;
using ContactCenter.Benchmarks.Simulator;

// Run all: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --filter '*'
// Simulator load (events/s to one AMI client, simulator CPU):
//   dotnet run -c Release --project tests/ContactCenter.Benchmarks -- simulator-load [--calls-per-second 450] [--seconds 20] [--fast]
if (args is ["simulator-load", ..])
{
    return await SimulatorLoadHarness.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
