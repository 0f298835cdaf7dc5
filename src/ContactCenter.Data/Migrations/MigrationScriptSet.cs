using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace ContactCenter.Data;

/// <summary>
/// The numbered scripts of an assembly, laid out as <c>Migrations/Common/0001_name.sql</c> for portable
/// SQL and <c>Migrations/Sqlite/…</c> plus <c>Migrations/SqlServer/…</c> where the DDL must differ. The
/// layout is checked when loaded: a number is either common or present, with the same name, in both
/// dialect folders; numbers run from 0001 without a gap; no script is empty.
/// </summary>
internal sealed partial class MigrationScriptSet
{
    private const string Root = "Migrations/";
    private const string CommonFolder = "Common";
    private static readonly string[] DialectFolders = [nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.SqlServer)];

    private readonly Dictionary<string, IReadOnlyList<MigrationScript>> _byDialect;

    private MigrationScriptSet(Dictionary<string, IReadOnlyList<MigrationScript>> byDialect, IReadOnlyList<MigrationScript> all)
    {
        _byDialect = byDialect;
        All = all;
    }

    /// <summary>This assembly's scripts.</summary>
    public static MigrationScriptSet Embedded { get; } = FromAssembly(typeof(MigrationScriptSet).Assembly);

    /// <summary>Every script of every folder.</summary>
    public IReadOnlyList<MigrationScript> All { get; }

    /// <summary>The scripts one database runs, in order.</summary>
    public IReadOnlyList<MigrationScript> For(SqlDialect dialect) => _byDialect[dialect.MigrationFolder];

    public static MigrationScriptSet FromAssembly(Assembly assembly)
    {
        var files = new List<(string Name, string Text)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Root, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            files.Add((name, reader.ReadToEnd()));
        }
        return FromFiles(files);
    }

    /// <summary>Builds and checks a set from <c>(Migrations/Folder/NNNN_name.sql, text)</c> pairs.</summary>
    public static MigrationScriptSet FromFiles(IEnumerable<(string Name, string Text)> files)
    {
        var byFolder = new Dictionary<string, Dictionary<int, MigrationScript>>(StringComparer.Ordinal)
        {
            [CommonFolder] = [], [DialectFolders[0]] = [], [DialectFolders[1]] = [],
        };
        foreach (var (name, text) in files)
        {
            var parts = name.Split('/');
            if (parts.Length != 3 || parts[0] + "/" != Root || !byFolder.TryGetValue(parts[1], out var folder))
            {
                throw new MigrationException($"{name}: scripts live in Migrations/Common, Migrations/Sqlite or Migrations/SqlServer");
            }
            var match = FileName().Match(parts[2]);
            if (!match.Success)
            {
                throw new MigrationException($"{name}: a script is named NNNN_lower_case_name.sql");
            }
            if (SqlBatches.IsBlank(text))
            {
                throw new MigrationException($"{name}: the script is empty");
            }
            var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var script = new MigrationScript(number, Path.GetFileNameWithoutExtension(parts[2]), name, text);
            if (!folder.TryAdd(number, script))
            {
                throw new MigrationException($"{name}: number {number:0000} is used twice in Migrations/{parts[1]} ({folder[number].ResourceName})");
            }
        }
        return Check(byFolder);
    }

    private static MigrationScriptSet Check(Dictionary<string, Dictionary<int, MigrationScript>> byFolder)
    {
        var common = byFolder[CommonFolder];
        var sqlite = byFolder[DialectFolders[0]];
        var sqlServer = byFolder[DialectFolders[1]];
        var numbers = common.Keys.Concat(sqlite.Keys).Concat(sqlServer.Keys).Distinct().Order().ToList();
        for (var i = 0; i < numbers.Count; i++)
        {
            var n = numbers[i];
            if (n != i + 1)
            {
                throw new MigrationException($"Migration {i + 1:0000} is missing: numbers run from 0001 without a gap (next found: {n:0000}); never delete an applied script");
            }
            var inSqlite = sqlite.TryGetValue(n, out var s);
            var inSqlServer = sqlServer.TryGetValue(n, out var t);
            if (common.TryGetValue(n, out var c) && (inSqlite || inSqlServer))
            {
                throw new MigrationException($"{c.ResourceName}: {n:0000} is common, so it must not also exist in a dialect folder ({(s ?? t)!.ResourceName})");
            }
            if (inSqlite != inSqlServer)
            {
                var present = (s ?? t)!;
                var missing = inSqlite ? DialectFolders[1] : DialectFolders[0];
                throw new MigrationException($"{present.ResourceName}: {n:0000} is dialect-specific, so Migrations/{missing}/{present.Id}.sql must exist too");
            }
            if (inSqlite && s!.Id != t!.Id)
            {
                throw new MigrationException($"{s.ResourceName} and {t.ResourceName}: the two dialect versions of {n:0000} must have the same name");
            }
        }
        var byDialect = new Dictionary<string, IReadOnlyList<MigrationScript>>(StringComparer.Ordinal);
        foreach (var dialect in DialectFolders)
        {
            byDialect[dialect] = numbers.Select(n => common.TryGetValue(n, out var c) ? c : byFolder[dialect][n]).ToList();
        }
        var all = byFolder.Values.SelectMany(f => f.Values).OrderBy(s => s.Number).ThenBy(s => s.ResourceName, StringComparer.Ordinal).ToList();
        return new MigrationScriptSet(byDialect, all);
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileName();
}
