using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ContactCenter.PbxSimulator;
using ContactCenter.PbxSimulator.Ami;
using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Engine;

namespace ContactCenter.Benchmarks.Simulator;

/// <summary>
/// Cost of one AMI event in the simulator: encoding it (cached channel block, numbers formatted straight
/// to bytes) and appending it to the shared log all sessions read. The memory column should stay near
/// zero: the log's 256 KiB blocks are the only allocation, amortised over thousands of events.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class SimulatorEventBenchmarks
{
    private AmiEmitter _emitter = null!;
    private SimChannel _channel = null!;

    [Params(false, true)]
    public bool Timestamps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var gate = new EngineGate();
        var clock = new SimClock(SimClockMode.Manual, DateTimeOffset.UnixEpoch.AddYears(56), gate);
        _emitter = new AmiEmitter(new EventLog(), clock, Timestamps);
        var endpoint = new Endpoint("6001", "Agent 6001", "6001", "agents", isTrunk: false);
        _channel = new SimChannel("PJSIP/6001-00000005", "1795289065.5", "1795289065.4", endpoint, ChannelDirection.Outbound, clock.Now)
        {
            State = ChannelState.Up,
            CallerNum = "6001",
            CallerName = "Agent 6001",
            ConnectedNum = "6003",
            ConnectedName = "Customer 6003",
            Context = "agents",
            Exten = "7000",
        };
    }

    [Benchmark(Description = "VarSet (the most common event)")]
    public void VarSet() => _emitter.VarSet(_channel, "QUEUEHOLDTIME", "2");

    [Benchmark(Description = "QueueCallerJoin")]
    public void QueueCallerJoin() => _emitter.QueueCallerJoin(_channel, "support", 1, 1);

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new EventsPerSecondColumn());
    }
}
