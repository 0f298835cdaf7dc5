namespace ContactCenter.PbxSimulator.Ami;

/// <summary>How a session treats an entry of the <see cref="EventLog"/>.</summary>
[Flags]
internal enum LogEntryFlags
{
    None = 0,

    /// <summary>Close the session once this entry is written (Logoff, failed login).</summary>
    CloseAfter = 1,

    /// <summary>A broadcast marker with no bytes: every session closes once it gets here (restart).</summary>
    CloseAll = 2,

    /// <summary>Broadcast to every logged-in session whatever its event mask (the malformed-frame fault).</summary>
    Raw = 4,
}

/// <summary>
/// Every frame the AMI server sends, in order, encoded once: events for all sessions and responses for
/// one. Frames are copied into 256 KiB blocks with a small index (offset, length, class, target), so an
/// event costs one copy and no allocation however many sessions read it. One writer (the engine, under
/// its lock) appends; each session's writer follows with its own <see cref="LogCursor"/> and filters by
/// its class mask. A block is garbage as soon as the slowest session has moved past it.
/// </summary>
internal sealed class EventLog
{
    internal const int BlockBytes = 256 * 1024;
    private const int BlockEntries = 4096;

    private Block _tail = new(0, BlockBytes, BlockEntries);
    private long _events;
    private long _eventBytes;

    /// <summary>Broadcast events appended since start (responses excluded).</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Bytes of the broadcast events appended since start.</summary>
    public long EventBytes => Interlocked.Read(ref _eventBytes);

    /// <summary>Sequence number the next entry will get.</summary>
    public long NextSequence
    {
        get
        {
            var tail = Volatile.Read(ref _tail);
            return tail.BaseSequence + Volatile.Read(ref tail.Count);
        }
    }

    /// <summary>A cursor at the end of the log: a new session sees only what is appended from now on.</summary>
    public LogCursor End()
    {
        var tail = Volatile.Read(ref _tail);
        return new LogCursor(tail, Volatile.Read(ref tail.Count));
    }

    /// <summary>Appends one frame (engine lock held). <paramref name="target"/> 0 broadcasts.</summary>
    public void Append(ReadOnlySpan<byte> frame, EventClass cls, int target, LogEntryFlags flags = LogEntryFlags.None)
    {
        var tail = _tail;
        if (tail.Count == tail.Entries.Length || tail.Used + frame.Length > tail.Data.Length)
        {
            var next = new Block(tail.BaseSequence + tail.Count, Math.Max(BlockBytes, frame.Length), BlockEntries);
            Volatile.Write(ref tail.Next, next);
            Volatile.Write(ref _tail, next);
            tail = next;
        }
        frame.CopyTo(tail.Data.AsSpan(tail.Used));
        tail.Entries[tail.Count] = new Entry(tail.Used, frame.Length, cls, target, flags);
        tail.Used += frame.Length;
        Volatile.Write(ref tail.Count, tail.Count + 1);
        if (target == 0 && cls != EventClass.None)
        {
            Interlocked.Increment(ref _events);
            Interlocked.Add(ref _eventBytes, frame.Length);
        }
    }

    internal readonly record struct Entry(int Offset, int Length, EventClass Class, int Target, LogEntryFlags Flags);

    internal sealed class Block(long baseSequence, int bytes, int entries)
    {
        public readonly long BaseSequence = baseSequence;
        public readonly byte[] Data = new byte[bytes];
        public readonly Entry[] Entries = new Entry[entries];
        public int Used;
        public int Count;
        public Block? Next;
    }
}

/// <summary>A reader's position in the <see cref="EventLog"/>.</summary>
internal struct LogCursor(EventLog.Block block, int index)
{
    private EventLog.Block _block = block;
    private int _index = index;

    public readonly long Sequence => _block.BaseSequence + _index;

    /// <summary>The next entry, or false when the reader is at the end of what was published.</summary>
    public bool TryNext(out EventLog.Entry entry, out byte[] data, out long sequence)
    {
        while (true)
        {
            var next = Volatile.Read(ref _block.Next);
            var count = Volatile.Read(ref _block.Count);
            if (_index < count)
            {
                entry = _block.Entries[_index];
                data = _block.Data;
                sequence = _block.BaseSequence + _index;
                _index++;
                return true;
            }
            if (next is null)
            {
                entry = default;
                data = [];
                sequence = Sequence;
                return false;
            }
            _block = next;
            _index = 0;
        }
    }
}
