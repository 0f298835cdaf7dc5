namespace ContactCenter.Contracts.Channels;

/// <summary>Hang up any channel by its id (Uniqueid). Completes with outcome <c>channel-gone</c> if it no longer exists.</summary>
/// <param name="Cause">Q.850 cause to hang up with; 16 (normal clearing) by default.</param>
public sealed record HangUpChannel(
    Guid CommandId,
    string Server,
    string RequestedBy,
    string ChannelId,
    int Cause = 16) : IAsteriskCommand;
