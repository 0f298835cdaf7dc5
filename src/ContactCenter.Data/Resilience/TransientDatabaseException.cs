namespace ContactCenter.Data;

/// <summary>
/// A database operation kept failing with transient errors (locked file, dropped connection, deadlock)
/// until the configured attempts were spent. The last failure is the inner exception.
/// </summary>
public sealed class TransientDatabaseException : Exception
{
    public TransientDatabaseException()
    {
    }

    public TransientDatabaseException(string message) : base(message)
    {
    }

    public TransientDatabaseException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
