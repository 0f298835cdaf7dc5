namespace ContactCenter.Contracts;

/// <summary>
/// What every event carries: its own id (consumers deduplicate on it: delivery is at-least-once), the
/// Asterisk server it is about, and when it happened (UTC, Asterisk's own timestamp where it gives one).
/// Subscribing to this interface receives every event, e.g. for a live supervisor view or an audit log.
/// </summary>
public interface IContactCenterEvent
{
    Guid EventId { get; }

    /// <summary>The configured name of the Asterisk server (<c>Asterisk:Servers:N:Name</c>).</summary>
    string Server { get; }

    DateTimeOffset OccurredAt { get; }
}
