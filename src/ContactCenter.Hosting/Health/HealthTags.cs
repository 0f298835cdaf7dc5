namespace ContactCenter.Hosting.Health;

/// <summary>Tags of health checks.</summary>
public static class HealthTags
{
    /// <summary>
    /// Checks with this tag are reported by <c>/health/ready</c>: the worker adds the database and the bus;
    /// a module adds its own dependencies (the connector: <c>asterisk:&lt;server&gt;</c>).
    /// </summary>
    public const string Ready = "ready";
}
