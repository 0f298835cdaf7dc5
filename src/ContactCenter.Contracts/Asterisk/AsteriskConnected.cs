namespace ContactCenter.Contracts.Asterisk;

/// <summary>The connector logged in to a server's AMI or connected to its ARI events.</summary>
/// <param name="Interface"><c>ami</c> or <c>ari</c>.</param>
/// <param name="Detail">The AMI banner or the ARI events URL (never credentials).</param>
public sealed record AsteriskConnected(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Interface,
    string Detail) : IContactCenterEvent;
