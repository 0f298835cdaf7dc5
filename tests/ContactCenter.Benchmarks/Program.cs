using BenchmarkDotNet.Running;
using ContactCenter.Benchmarks.Connector;
using ContactCenter.Benchmarks.FeatureCodes;
using ContactCenter.Benchmarks.Floor;
using ContactCenter.Benchmarks.Simulator;

// Run all: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --filter '*'
// Measured harnesses (RabbitMQ from CONTACTCENTER_TEST_RABBITMQ, default amqp://guest:guest@127.0.0.1:5672/):
//   simulator-load       events/s to one AMI client, simulator CPU
//       [--calls-per-second 450] [--seconds 20] [--fast]
//   connector-load       issue 4: ingest rate, frame→confirm latency, CPU and RSS of the connector (3 runs)
//       [--seconds 20] [--max-calls-per-second 450] [--latency-calls-per-second 38] [--channels 10000] [--run a|b|c]
//   featurecode-latency  issue 5: StasisStart → prompt through RabbitMQ, 200 agents dialling at once
//       [--agents 200] [--rounds 1]
//   bus-floor            the floor under issue 5: N messages at once through MassTransit + RabbitMQ, 1 and 2 hops, nothing else
//       [--messages 200] [--rounds 10] [--prefetch 64]
//   featurecode-floor    the floor under issue 5: N simulator phones at once, a bare ARI app answers and plays (no database)
//       [--agents 200] [--rounds 10] [--bus: the play waits for two broker hops, the product's path without databases] [--prefetch 64]
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
if (args is ["bus-floor", ..])
{
    return await BusFloorHarness.RunAsync(args[1..]);
}
if (args is ["featurecode-floor", ..])
{
    return await FeatureCodeFloorHarness.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
