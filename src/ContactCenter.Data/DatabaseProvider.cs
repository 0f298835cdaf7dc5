namespace ContactCenter.Data;

/// <summary>The database engines the center runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file: the default for a single machine and the test database.</summary>
    Sqlite,

    /// <summary>Microsoft SQL Server (or Azure SQL) for a cluster.</summary>
    SqlServer,
}
