using System.Buffers;
using System.Net.Sockets;
using ContactCenter.Asterisk.Ami;

namespace ContactCenter.PbxSimulator.Tests.Fidelity;

/// <summary>
/// A bare AMI socket, like the script that captured the traces: writes raw action bytes and keeps every
/// byte received, parsing frames as they arrive so a test can wait for a response or for the close.
/// </summary>
internal sealed class RawAmiClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly MemoryStream _received = new();
    private readonly List<AmiFrame> _frames = [];
    private readonly SemaphoreSlim _changed = new(0, int.MaxValue);
    private readonly Lock _lock = new();
    private readonly Task _reader;
    private bool _closed;

    private RawAmiClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = ReadLoopAsync();
    }

    public static async Task<RawAmiClient> ConnectAsync(int port, CancellationToken ct)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port, ct);
        return new RawAmiClient(tcp);
    }

    public byte[] Received
    {
        get
        {
            lock (_lock)
            {
                return _received.ToArray();
            }
        }
    }

    public bool Closed
    {
        get
        {
            lock (_lock)
            {
                return _closed;
            }
        }
    }

    public IReadOnlyList<AmiFrame> Frames
    {
        get
        {
            lock (_lock)
            {
                return _frames.ToArray();
            }
        }
    }

    public Task SendAsync(byte[] bytes, CancellationToken ct) => _stream.WriteAsync(bytes, ct).AsTask();

    public Task SendAsync(string text, CancellationToken ct) => SendAsync(System.Text.Encoding.ASCII.GetBytes(text), ct);

    /// <summary>Waits until a received frame matches.</summary>
    public async Task<AmiFrame> WaitForAsync(Func<AmiFrame, bool> match, CancellationToken ct)
    {
        while (true)
        {
            var found = Frames.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            if (Closed)
            {
                throw new InvalidOperationException("The simulator closed the connection before the expected frame arrived");
            }
            await _changed.WaitAsync(ct);
        }
    }

    public Task<AmiFrame> WaitForResponseAsync(string actionId, CancellationToken ct) =>
        WaitForAsync(f => f.ActionId == actionId && (f.Kind == AmiFrameKind.Response || f.EventNameString?.EndsWith("Complete", StringComparison.Ordinal) == true), ct);

    public async Task WaitClosedAsync(CancellationToken ct)
    {
        while (!Closed)
        {
            await _changed.WaitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        await _reader;
        _changed.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var reader = new AmiFrameReader();
        var pending = new ArrayBufferWriter<byte>();
        var bannerSeen = false;
        var frame = new AmiFrame();
        try
        {
            while (true)
            {
                var n = await _stream.ReadAsync(buffer);
                if (n == 0)
                {
                    break;
                }
                lock (_lock)
                {
                    _received.Write(buffer, 0, n);
                    pending.Write(buffer.AsSpan(0, n));
                    var seq = new ReadOnlySequence<byte>(pending.WrittenMemory);
                    if (!bannerSeen && AmiFrameReader.TryReadBanner(ref seq, 1024, out _))
                    {
                        bannerSeen = true;
                    }
                    if (bannerSeen)
                    {
                        while (reader.TryReadFrame(ref seq, frame) != AmiReadResult.NeedMoreData)
                        {
                            _frames.Add(frame);
                            frame = new AmiFrame();
                        }
                    }
                    var rest = seq.ToArray();
                    pending.ResetWrittenCount();
                    pending.Write(rest);
                }
                _changed.Release();
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // Closed by either side.
        }
        lock (_lock)
        {
            _closed = true;
        }
        _changed.Release();
    }
}
