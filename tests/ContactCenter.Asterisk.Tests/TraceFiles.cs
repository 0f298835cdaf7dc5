namespace ContactCenter.Asterisk.Tests;

/// <summary>Locates the real Asterisk traces kept in <c>tests/asterisk-traces</c>.</summary>
internal static class TraceFiles
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Directory => Folder.Value;

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public static byte[] ReadBytes(string fileName) => File.ReadAllBytes(PathOf(fileName));

    public static IEnumerable<string> AmiTraceNames() =>
        System.IO.Directory.GetFiles(Directory, "ami-*.txt")
            .Select(Path.GetFileName)
            .Where(n => n is not null && !n.EndsWith(".sent.txt", StringComparison.Ordinal) && !n.EndsWith(".timeline.txt", StringComparison.Ordinal))
            .Select(n => n!)
            .Order(StringComparer.Ordinal);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "asterisk-traces");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/asterisk-traces not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
