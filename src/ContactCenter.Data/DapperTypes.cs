using System.Data;
using System.Globalization;
using Dapper;

namespace ContactCenter.Data;

/// <summary>
/// Makes Guid and DateTime read the same from both engines: SQLite stores them as text, SQL Server as
/// <c>uniqueidentifier</c> and <c>datetime2</c> (which comes back without a Kind). Every time the product
/// stores is UTC, so DateTime values are read back with <see cref="DateTimeKind.Utc"/>.
/// </summary>
public static class DapperTypes
{
    private static int _registered;

    /// <summary>Registers the handlers once per process (Dapper's handlers are global).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.RemoveTypeMap(typeof(DateTime));
        SqlMapper.RemoveTypeMap(typeof(DateTime?));
        SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override Guid Parse(object value) => value switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            byte[] b => new Guid(b),
            _ => throw new DataException($"Cannot read a Guid from {value.GetType().Name}"),
        };

        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            // Text on SQLite (Microsoft.Data.Sqlite's own mapping), uniqueidentifier on SQL Server.
            parameter.Value = value;
            parameter.DbType = DbType.Guid;
        }
    }

    private sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
    {
        public override DateTime Parse(object value) => value switch
        {
            DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
            string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ => throw new DataException($"Cannot read a DateTime from {value.GetType().Name}"),
        };

        public override void SetValue(IDbDataParameter parameter, DateTime value)
        {
            parameter.Value = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
            parameter.DbType = DbType.DateTime2;
        }
    }
}
