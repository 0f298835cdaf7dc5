using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ami.Events;

namespace ContactCenter.Benchmarks.Ami;

/// <summary>
/// AMI parsing throughput on the real trace mix. One operation = one event (frame); the three methods
/// read the same bytes. (c) is the classic design of older .NET AMI libraries: a StreamReader reading
/// lines into a new Dictionary per event.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class AmiParsingBenchmarks
{
    // 24 copies of the 526 frames of the traces (4 MiB); Setup checks the count so this cannot drift.
    private const int FramesPerInvoke = 12_624;
    private byte[] _bytes = [];
    private int _frames;
    private readonly AmiFrameReader _reader = new();
    private readonly AmiFrame _frame = new();
    private readonly AmiEventDecoder _decoder = new();

    [GlobalSetup]
    public void Setup()
    {
        _bytes = TraceMix.Repeated(4 * 1024 * 1024);
        _frames = TraceMix.CountFrames(_bytes);
        if (_frames != FramesPerInvoke)
        {
            throw new InvalidOperationException($"The trace mix has {_frames} frames; update FramesPerInvoke");
        }
    }

    [Benchmark(Description = "(a) AmiFrameReader: frames", OperationsPerInvoke = FramesPerInvoke)]
    public int ReadFrames()
    {
        var buffer = new ReadOnlySequence<byte>(_bytes);
        var count = 0;
        while (_reader.TryReadFrame(ref buffer, _frame) != AmiReadResult.NeedMoreData)
        {
            count++;
        }
        return Check(count);
    }

    [Benchmark(Description = "(b) AmiFrameReader + typed events", OperationsPerInvoke = FramesPerInvoke)]
    public int ReadAndDecode()
    {
        var buffer = new ReadOnlySequence<byte>(_bytes);
        var decoded = 0;
        var count = 0;
        while (_reader.TryReadFrame(ref buffer, _frame) != AmiReadResult.NeedMoreData)
        {
            count++;
            if (_frame.Kind == AmiFrameKind.Event && _decoder.Decode(_frame) is not null)
            {
                decoded++;
            }
        }
        Check(count);
        return decoded;
    }

    [Benchmark(Baseline = true, Description = "(c) StreamReader.ReadLine + Dictionary", OperationsPerInvoke = FramesPerInvoke)]
    public int StreamReaderDictionary()
    {
        using var reader = new StreamReader(new MemoryStream(_bytes), Encoding.UTF8);
        var count = 0;
        var current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    count++;
                    current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                current[line[..colon]] = line[(colon + 1)..].TrimStart();
            }
        }
        return Check(count);
    }

    private int Check(int count) => count == _frames ? count : throw new InvalidOperationException($"read {count} frames, expected {_frames}");

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
            AddColumn(new EventsPerSecondColumn());
        }
    }
}
