namespace ContactCenter.Contracts;

/// <summary>Where commands for one Asterisk server go: the queue of the connector that owns it.</summary>
public static class ConnectorQueue
{
    /// <summary>The queue name: <c>connector-{server}</c>.</summary>
    public static string NameFor(string server)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(server);
        return $"connector-{server}";
    }

    /// <summary>The MassTransit send address: <c>queue:connector-{server}</c>.</summary>
    public static Uri For(string server) => new($"queue:{NameFor(server)}");
}
