namespace ContactCenter.Messaging.Outbox;

/// <summary>One stored message: its position, ordering lane, contract type and JSON.</summary>
/// <param name="ReceivedTimestamp">Stopwatch ticks when the Asterisk frame that caused it arrived, or 0.</param>
/// <param name="Destination">A queue to send a command to; null for an event, which is published.</param>
public sealed record OutboxRow(long Seq, string Lane, string Type, string Payload, long ReceivedTimestamp, string? Destination = null);
