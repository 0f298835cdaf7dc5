using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// The bounded hand-off between the socket read loop and the consumer of events. Writes never wait:
/// the read loop must keep draining the socket (Asterisk drops a session that stops reading for
/// <c>writetimeout</c>). When the consumer falls behind by <c>capacity</c> events, further events are
/// dropped and counted, and once room frees up one <see cref="AmiStreamItemKind.EventsLost"/> notice with
/// the count is queued, so the consumer knows to resynchronise. Connection notices use a small reserve
/// above the event capacity so they are never the ones dropped.
/// </summary>
internal sealed class AmiEventBuffer
{
    private const int NoticeReserve = 64;

    private readonly Channel<AmiStreamItem> _channel;
    private readonly int _capacity;
    private readonly ILogger _logger;
    private long _sequence;
    private long _received;
    private long _dropped;
    private long _lostSinceNotice;

    public AmiEventBuffer(int capacity, ILogger logger)
    {
        _capacity = capacity;
        _logger = logger;
        _channel = Channel.CreateBounded<AmiStreamItem>(new BoundedChannelOptions(capacity + NoticeReserve)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelReader<AmiStreamItem> Reader => _channel.Reader;

    public long Received => Interlocked.Read(ref _received);

    public long Dropped => Interlocked.Read(ref _dropped);

    public int Buffered => _channel.Reader.Count;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Called by the read loop only.</summary>
    public void PublishEvent(AmiFrame frame)
    {
        Interlocked.Increment(ref _received);
        if (_lostSinceNotice > 0 && _channel.Reader.Count < _capacity)
        {
            var lost = _lostSinceNotice;
            if (_channel.Writer.TryWrite(new AmiStreamItem(AmiStreamItemKind.EventsLost, Detail: $"{lost} events dropped: event buffer of {_capacity} was full", LostEvents: lost)))
            {
                _lostSinceNotice = 0;
                AmiLog.EventOverflowEnded(_logger, lost, _capacity);
            }
        }

        if (_channel.Reader.Count >= _capacity || !_channel.Writer.TryWrite(new AmiStreamItem(AmiStreamItemKind.Event, frame)))
        {
            if (_lostSinceNotice == 0)
            {
                AmiLog.EventOverflowStarted(_logger, _capacity);
            }
            _lostSinceNotice++;
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Queues a connection notice; notices use the reserve so they are not dropped with events.</summary>
    public void Notice(AmiStreamItemKind kind, string detail)
    {
        var lost = kind == AmiStreamItemKind.EventsLost ? 1 : 0;
        if (!_channel.Writer.TryWrite(new AmiStreamItem(kind, Detail: detail, LostEvents: lost)))
        {
            // Only reachable when the consumer stopped reading entirely and dozens of reconnects piled up
            // notices: the lost-events notice that follows tells it to resynchronise anyway.
            _lostSinceNotice++;
            AmiLog.NoticeDropped(_logger, kind, detail);
        }
    }

    public void Complete() => _channel.Writer.TryComplete();
}
