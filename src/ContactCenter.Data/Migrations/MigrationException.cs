namespace ContactCenter.Data;

/// <summary>The schema cannot be brought up to date safely: an edited script, a bad script layout, a lock not taken.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException()
    {
    }

    public MigrationException(string message) : base(message)
    {
    }

    public MigrationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
