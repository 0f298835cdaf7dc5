using BenchmarkDotNet.Running;
using ContactCenter.Benchmarks.Connector;
using ContactCenter.Benchmarks.FeatureCodes;
using ContactCenter.Benchmarks.Simulator;

// Run all: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --filter '*'
// Measured harnesses (RabbitMQ from CONTACTCENTER_TEST_RABBITMQ, default amqp://guest:guest@127.0.0.1:5672/):
//   simulator-load       events/s to one AMI client, simulator CPU
//       [--calls-per-second 450] [--seconds 20] [--fast]
//   connector-load       issue 4: ingest rate, frame→confirm latency, CPU and RSS of the connector (3 runs)
//       [--seconds 20] [--max-calls-per-second 450] [--latency-calls-per-second 38] [--channels 10000] [--run a|b|c]
//   featurecode-latency  issue 5: StasisStart → prompt through RabbitMQ, 200 agents dialling at once
//       [--agents 200] [--rounds 1]
if (args is ["simulator-load", ..])
{
    return await SimulatorLoadHarness.RunAsync(args[1..]);
}
if (args is ["connector-load", ..])
{
    return await ConnectorLoadHarness.RunAsync(args[1..]);
}
if (args is ["featurecode-latency", ..])
{
    return await FeatureCodeLatencyHarness.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
