namespace ContactCenter.Contracts.Channels;

/// <summary>Answer a channel held in the Stasis application (if not yet answered) and play media to it, keeping it.</summary>
/// <param name="ChannelId">The ARI channel id (Uniqueid).</param>
/// <param name="Media">ARI media URIs played in order, e.g. <c>sound:agent-loginok</c>.</param>
public sealed record AnswerAndPlay(
    Guid CommandId,
    string Server,
    string RequestedBy,
    string ChannelId,
    IReadOnlyList<string> Media) : IAsteriskCommand;
