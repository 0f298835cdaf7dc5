namespace ContactCenter.Contracts.Agents;

/// <summary>
/// Nobody answered a <see cref="FeatureCodeDialed"/> in time: the phone heard "try later" and was hung up.
/// A consumer that acted on the code after the deadline must undo what it did.
/// </summary>
public sealed record FeatureCodeTimedOut(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    Guid FeatureCodeEventId,
    string ChannelId,
    string Extension,
    string Code) : IContactCenterEvent;
