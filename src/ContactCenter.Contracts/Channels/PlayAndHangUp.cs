namespace ContactCenter.Contracts.Channels;

/// <summary>
/// The answer to a feature code: play media to a channel held in the Stasis application, wait for the
/// playback to finish, then hang it up (cause 16). Completes with outcome <c>channel-gone</c> if the caller
/// hung up first.
/// </summary>
/// <param name="ChannelId">The ARI channel id from <see cref="Agents.FeatureCodeDialed.ChannelId"/>.</param>
/// <param name="Media">ARI media URIs played in order, e.g. <c>sound:agent-loginok</c>, <c>sound:beep</c>.</param>
public sealed record PlayAndHangUp(
    Guid CommandId,
    string Server,
    string RequestedBy,
    string ChannelId,
    IReadOnlyList<string> Media) : IAsteriskCommand;
