namespace ContactCenter.Contracts.Calls;

/// <summary>The answered call moved to another party: blind or attended transfer, or back through a queue to another agent.</summary>
/// <param name="Kind"><c>blind</c>, <c>attended</c> or <c>requeue</c>.</param>
/// <param name="From">The device that had the call, e.g. <c>PJSIP/6001</c>, or empty when unknown.</param>
/// <param name="To">The new device, or for a blind transfer the target <c>exten@context</c>.</param>
public sealed record CallTransferred(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Linkedid,
    string Kind,
    string From,
    string To,
    string? Queue) : ICallEvent;
