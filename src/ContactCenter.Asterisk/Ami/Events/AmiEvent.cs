namespace ContactCenter.Asterisk.Ami.Events;

/// <summary>
/// An AMI event decoded into what the connector uses. Only the events and fields the product acts on
/// are decoded; everything else stays an <see cref="AmiFrame"/>.
/// </summary>
public abstract record AmiEvent
{
    /// <summary>Position in the client's stream (see <see cref="AmiFrame.Sequence"/>).</summary>
    public long Sequence { get; internal set; }

    /// <summary>Asterisk's own time of the event (the <c>Timestamp</c> header, with <c>timestampevents = yes</c>), if present.</summary>
    public DateTimeOffset? Timestamp { get; internal set; }

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> ticks when the frame was read off the socket.</summary>
    public long ReceivedTimestamp { get; internal set; }
}
