namespace ContactCenter.Contracts.Channels;

/// <summary>
/// What the phone held for a feature code hears once Asterisk has answered every queue command of the
/// operation: carried by each of those commands, so the connector plays the prompt on Asterisk's responses
/// instead of waiting for a later <see cref="PlayAndHangUp"/>. <see cref="OnSuccess"/> when all
/// <see cref="Steps"/> commands succeeded, <see cref="OnFailure"/> as soon as one failed; then the channel is
/// hung up. Not a message of its own.
/// </summary>
/// <param name="ChannelId">The ARI channel id from <see cref="Agents.FeatureCodeDialed.ChannelId"/>.</param>
/// <param name="OperationId">The operation the commands belong to (the <c>FeatureCodeDialed</c> event id).</param>
/// <param name="Steps">How many commands carry this answer; the success prompt waits for all of them.</param>
public sealed record PhoneAnswer(
    string ChannelId,
    Guid OperationId,
    int Steps,
    IReadOnlyList<string> OnSuccess,
    IReadOnlyList<string> OnFailure);
