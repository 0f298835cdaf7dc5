namespace ContactCenter.Contracts.Agents;

/// <summary>
/// An agent dialled a feature code on a phone (<c>**1210</c>, <c>**213</c>, <c>**3</c>, <c>**0</c>…). Through
/// ARI the channel is held, answered, in the Stasis application until a <see cref="Channels.PlayAndHangUp"/>
/// for <see cref="ChannelId"/> arrives; if none arrives by <see cref="AnswerBy"/> the connector plays its
/// "try later" prompt and publishes <see cref="FeatureCodeTimedOut"/>. Through the AMI fallback
/// (<see cref="Source"/> <c>ami-userevent</c>) nothing is held and the phone only hears a beep.
/// </summary>
/// <param name="ChannelId">The ARI channel id (its Uniqueid), the handle for the answer.</param>
/// <param name="Channel">The channel name, e.g. <c>PJSIP/6001-00000000</c>.</param>
/// <param name="Extension">The interface of the phone that dialled, e.g. <c>PJSIP/6001</c>.</param>
/// <param name="Code">The whole dialled code, e.g. <c>**1210</c>.</param>
/// <param name="Source"><c>ari</c> or <c>ami-userevent</c>.</param>
/// <param name="AnswerBy">Deadline for the answer (UTC).</param>
public sealed record FeatureCodeDialed(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string ChannelId,
    string Channel,
    string Extension,
    string CallerIdNum,
    string Code,
    string Source,
    DateTimeOffset AnswerBy) : IContactCenterEvent;
