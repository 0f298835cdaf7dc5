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
/// event costs one copy and no object however many sessions read it. One writer (the engine, under its
/// lock) appends; each session follows with its own <see cref="LogCursor"/> and filters by its class mask.
/// Blocks every reader has left are recycled, so a steady stream allocates nothing.
/// </summary>
internal sealed class EventLog
{
    internal const int BlockBytes = 256 * 1024;
    private const int BlockEntries = 4096;
    private const int PoolLimit = 16;

    private readonly Queue<Block> _blocks = new();
    private readonly Stack<Block> _pool = new();
    private readonly List<LogReader> _readers = [];
    private Block _tail;
    private long _events;
    private long _eventBytes;

    public EventLog()
    {
        _tail = new Block(BlockBytes, BlockEntries);
        _blocks.Enqueue(_tail);
    }

    /// <summary>Broadcast events appended since start (responses excluded).</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Bytes of the broadcast events appended since start.</summary>
    public long EventBytes => Interlocked.Read(ref _eventBytes);

    /// <summary>Blocks allocated since start (a steady stream stops allocating once the pool is warm).</summary>
    public int BlocksAllocated { get; private set; } = 1;

    /// <summary>Sequence number the next entry will get.</summary>
    public long NextSequence
    {
        get
        {
            var tail = Volatile.Read(ref _tail);
            return tail.BaseSequence + Volatile.Read(ref tail.Count);
        }
    }

    /// <summary>A reader positioned at the end of the log (engine lock held): a new session sees only what comes next.</summary>
    public LogCursor OpenReader()
    {
        var reader = new LogReader(_tail);
        lock (_readers)
        {
            _readers.Add(reader);
        }
        return new LogCursor(reader, _tail, _tail.Count);
    }

    public void CloseReader(LogCursor cursor)
    {
        lock (_readers)
        {
            _readers.Remove(cursor.Reader);
        }
    }

    /// <summary>Appends one frame (engine lock held). <paramref name="target"/> 0 broadcasts.</summary>
    public void Append(ReadOnlySpan<byte> frame, EventClass cls, int target, LogEntryFlags flags = LogEntryFlags.None)
    {
        var tail = _tail;
        if (tail.Count == tail.Entries.Length || tail.Used + frame.Length > tail.Data.Length)
        {
            tail = NextBlock(tail, frame.Length);
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

    private Block NextBlock(Block tail, int frameLength)
    {
        Recycle();
        var next = frameLength <= BlockBytes && _pool.TryPop(out var pooled) ? pooled : NewBlock(frameLength);
        next.Reset(tail.BaseSequence + tail.Count);
        _blocks.Enqueue(next);
        Volatile.Write(ref tail.Next, next);
        Volatile.Write(ref _tail, next);
        return next;
    }

    private Block NewBlock(int frameLength)
    {
        BlocksAllocated++;
        return new Block(Math.Max(BlockBytes, frameLength), BlockEntries);
    }

    /// <summary>Returns to the pool the oldest blocks that no reader is in (readers only move forward).</summary>
    private void Recycle()
    {
        long oldestInUse;
        lock (_readers)
        {
            oldestInUse = _tail.BaseSequence;
            foreach (var reader in _readers)
            {
                oldestInUse = Math.Min(oldestInUse, Volatile.Read(ref reader.Current).BaseSequence);
            }
        }
        while (_blocks.Count > 1 && _blocks.Peek().BaseSequence < oldestInUse)
        {
            var block = _blocks.Dequeue();
            if (_pool.Count < PoolLimit && block.Data.Length == BlockBytes)
            {
                _pool.Push(block);
            }
        }
    }

    internal readonly record struct Entry(int Offset, int Length, EventClass Class, int Target, LogEntryFlags Flags);

    internal sealed class Block(int bytes, int entries)
    {
        public readonly byte[] Data = new byte[bytes];
        public readonly Entry[] Entries = new Entry[entries];
        public long BaseSequence;
        public int Used;
        public int Count;
        public Block? Next;

        public void Reset(long baseSequence)
        {
            BaseSequence = baseSequence;
            Used = 0;
            Count = 0;
            Next = null;
        }
    }
}

/// <summary>The block a reader is in, published so the log knows which blocks are still in use.</summary>
internal sealed class LogReader(EventLog.Block current)
{
    public EventLog.Block Current = current;
}

/// <summary>A reader's position in the <see cref="EventLog"/>.</summary>
internal struct LogCursor(LogReader reader, EventLog.Block block, int index)
{
    private EventLog.Block _block = block;
    private int _index = index;

    public readonly LogReader Reader => reader;

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
            // Done with this block for good: the log may recycle it once every reader has moved on.
            _block = next;
            _index = 0;
            Volatile.Write(ref reader.Current, next);
        }
    }
}
