using System.Threading.Channels;
using ContactCenter.Asterisk.Ami;
using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Contracts.Asterisk;

namespace ContactCenter.Connector.Servers;

internal sealed partial class AmiEventPump
{
    /// <summary>
    /// Takes Asterisk's snapshot (<c>CoreShowChannels</c>, <c>QueueStatus</c>) and corrects the trackers to it.
    /// Exactness comes from stream positions: every event read before a snapshot's last frame is applied
    /// before comparing with that snapshot, every event after it only afterwards, so a hang-up that raced
    /// the snapshot is neither missed nor counted twice.
    /// </summary>
    private async Task ResynchronizeAsync(string trigger, ChannelReader<AmiStreamItem> reader, CancellationToken ct)
    {
        AmiResponse channels, queues;
        try
        {
            var channelsTask = _server.Ami.SendActionAsync(new AmiAction("CoreShowChannels"), ct);
            var queuesTask = _server.Ami.SendActionAsync(new AmiAction("QueueStatus"), ct);
            channels = await channelsTask;
            queues = await queuesTask;
        }
        catch (AmiException ex)
        {
            // Disconnected again or refused: the next Connected notice brings another attempt.
            Log.ResyncFailed(_logger, _server.Name, ex.Message);
            return;
        }

        var snapshots = new[] { (channels.Sequence, IsChannels: true), (queues.Sequence, IsChannels: false) }.OrderBy(s => s.Sequence);
        IReadOnlyList<string> ended = [], learned = [], added = [], removed = [], changed = [];
        var restarted = false;
        foreach (var (sequence, isChannels) in snapshots)
        {
            ApplyEventsBefore(sequence, reader);
            restarted |= _restartSeen;
            if (isChannels)
            {
                var items = channels.Items.Select(_decoder.Decode).OfType<CoreShowChannelEvent>().ToList();
                (ended, learned) = _server.Calls.Reconcile(items, sequence, _produced);
            }
            else
            {
                var queueNames = queues.Items.Select(_decoder.Decode).OfType<QueueParamsEvent>().Select(q => q.Queue).ToList();
                var members = queues.Items.Where(i => i.IsEvent("QueueMember"u8)).Select(AmiEventDecoder.DecodeQueueMemberItem).ToList();
                (added, removed, changed) = _server.Members.Reconcile(queueNames, members, restarted, _produced);
            }
            foreach (var produced in _produced)
            {
                _batch.Add((produced, 0));
            }
            _produced.Clear();
        }
        _restartSeen = false;

        var finalTrigger = restarted ? "restarted" : trigger;
        _batch.Add((new AsteriskResynchronized(Guid.NewGuid(), _server.Name, _time.GetUtcNow(), finalTrigger, restarted, ended, learned, added, removed, changed), 0));
        await FlushAsync(ct);
        _server.MarkResynchronized();
        Log.Resynchronized(_logger, _server.Name, finalTrigger, restarted, ended.Count, learned.Count, added.Count, removed.Count, changed.Count);
    }

    /// <summary>Applies the buffered events that Asterisk sent before stream position <paramref name="sequence"/>.</summary>
    private void ApplyEventsBefore(long sequence, ChannelReader<AmiStreamItem> reader)
    {
        while (reader.TryPeek(out var item) && item.Kind == AmiStreamItemKind.Event && item.Frame!.Sequence < sequence)
        {
            reader.TryRead(out _);
            Handle(item.Frame);
        }
    }
}
