namespace ContactCenter.Asterisk.Ari;

public sealed partial class AriEventStream
{
    // Serialises the two writers (read loop and loss-notice loop) so that an EventsLost notice always
    // lands before any item that follows the loss. Uncontended in practice; nothing awaits under it.
    private readonly Lock _publishGate = new();
    private readonly SemaphoreSlim _lossSignal = new(0);
    private long _pendingLost;

    /// <summary>Writes an item without waiting; a full buffer drops it and counts it.</summary>
    private void Publish(AriStreamItem item)
    {
        lock (_publishGate)
        {
            if (_pendingLost > 0 && !TryWriteLossNotice())
            {
                Drop(item);
                return;
            }
            if (!_channel.Writer.TryWrite(item))
            {
                Drop(item);
            }
        }
    }

    private void Drop(AriStreamItem item)
    {
        _pendingLost++;
        Interlocked.Increment(ref _eventsDropped);
        if (_pendingLost == 1)
        {
            AriLog.BufferFull(_logger, _options.EventBufferCapacity);
            _lossSignal.Release();
        }
        AriLog.ItemDropped(_logger, item.Kind, item.Event?.Type ?? "-", _pendingLost);
    }

    private bool TryWriteLossNotice()
    {
        var lost = _pendingLost;
        var notice = new AriStreamItem(AriStreamItemKind.EventsLost,
            Detail: $"{lost} items dropped because the event buffer ({_options.EventBufferCapacity}) was full",
            LostEvents: lost);
        if (!_channel.Writer.TryWrite(notice))
        {
            return false;
        }
        _pendingLost = 0;
        AriLog.LossNotified(_logger, lost);
        return true;
    }

    /// <summary>
    /// Announces a loss as soon as the consumer frees a slot, even if Asterisk sends nothing more (an
    /// idle system must not hide a loss until the next call). The read loop never waits for this.
    /// </summary>
    private async Task LossNoticeLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _lossSignal.WaitAsync(cancellationToken);
                while (HasPendingLoss())
                {
                    if (!await _channel.Writer.WaitToWriteAsync(cancellationToken))
                    {
                        return;
                    }
                    lock (_publishGate)
                    {
                        if (_pendingLost > 0)
                        {
                            TryWriteLossNotice();
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private bool HasPendingLoss()
    {
        lock (_publishGate)
        {
            return _pendingLost > 0;
        }
    }
}
