namespace ContactCenter.Contracts.Asterisk;

/// <summary>The connector lost a server's AMI or ARI session; it reconnects by itself.</summary>
public sealed record AsteriskDisconnected(
    Guid EventId,
    string Server,
    DateTimeOffset OccurredAt,
    string Interface,
    string Reason) : IContactCenterEvent;
