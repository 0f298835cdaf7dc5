namespace ContactCenter.Messaging.Outbox;

/// <summary>One stored event: its position, ordering lane, contract type and JSON.</summary>
/// <param name="ReceivedTimestamp">Stopwatch ticks when the Asterisk frame that caused it arrived, or 0.</param>
public sealed record OutboxRow(long Seq, string Lane, string Type, string Payload, long ReceivedTimestamp);
