using System.Text;
using BenchmarkDotNet.Attributes;
using ContactCenter.Asterisk.Ari;

namespace ContactCenter.Benchmarks;

/// <summary>
/// Cost of turning one ARI WebSocket message into a typed event (type lookup pass + source-generated
/// deserialization). Messages are lines of tests/asterisk-traces/ari-01-featurecode-login.jsonl.
/// </summary>
[MemoryDiagnoser]
public class AriEventParserBenchmarks
{
    private static readonly byte[] StasisStartMessage = Encoding.UTF8.GetBytes(
        """
        {"type":"StasisStart","timestamp":"2026-11-21T19:23:33.264+0000","args":[],"channel":{"id":"1795289013.0","name":"PJSIP/6001-00000000","state":"Ring","protocol_id":"09837bc0c5149cfc","caller":{"name":"Agent 6001","number":"6001"},"connected":{"name":"","number":""},"accountcode":"","dialplan":{"context":"agents","exten":"**1210","priority":2,"app_name":"Stasis","app_data":"contactcenter"},"creationtime":"2026-11-21T19:23:33.263+0000","language":"en"},"asterisk_id":"02:fc:00:00:00:01","application":"contactcenter"}
        """);

    // "type" is not the first property: the lookup has to scan past "variable" and "value".
    private static readonly byte[] ChannelVarsetMessage = Encoding.UTF8.GetBytes(
        """
        {"variable":"RTPAUDIOQOS","value":"ssrc=1795435529;themssrc=3539917330;lp=0;rxjitter=0.000000;rxcount=89;txjitter=0.000875;txcount=88;rlp=0;rtt=0.000000;rxmes=0.000000;txmes=0.000000","type":"ChannelVarset","timestamp":"2026-11-21T19:23:35.029+0000","channel":{"id":"1795289013.0","name":"PJSIP/6001-00000000","state":"Up","protocol_id":"09837bc0c5149cfc","caller":{"name":"Agent 6001","number":"6001"},"connected":{"name":"","number":""},"accountcode":"","dialplan":{"context":"agents","exten":"**1210","priority":2,"app_name":"Stasis","app_data":"contactcenter"},"creationtime":"2026-11-21T19:23:33.263+0000","language":"en"},"asterisk_id":"02:fc:00:00:00:01","application":"contactcenter"}
        """);

    [Benchmark(Baseline = true)]
    public AriEvent? StasisStart() => AriEventParser.Parse(StasisStartMessage, out _);

    [Benchmark]
    public AriEvent? ChannelVarset() => AriEventParser.Parse(ChannelVarsetMessage, out _);
}
