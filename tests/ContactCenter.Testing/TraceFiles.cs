using NUnit.Framework;

namespace ContactCenter.Testing;

/// <summary>
/// Locates the real Asterisk traces (<c>tests/asterisk-traces</c>) by walking up from the test output
/// directory, so tests run the same from the IDE, <c>dotnet test</c> and CI.
/// </summary>
public static class TraceFiles
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>Full path of <c>tests/asterisk-traces</c>.</summary>
    public static string Directory => Root.Value;

    public static string PathOf(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Trace {fileName} is not in {Directory}.", path);
        }
        return path;
    }

    /// <summary>File names (not paths) matching <paramref name="pattern"/>, sorted.</summary>
    public static string[] Find(string pattern) =>
        System.IO.Directory.GetFiles(Directory, pattern).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public static string ReadText(string fileName) => File.ReadAllText(PathOf(fileName));

    public static byte[] ReadBytes(string fileName) => File.ReadAllBytes(PathOf(fileName));

    /// <summary>The AMI byte streams Asterisk sent (<c>ami-NN-*.txt</c>, not the <c>.sent</c> or <c>.timeline</c> files).</summary>
    public static IEnumerable<string> AmiTraceNames() =>
        Find("ami-*.txt").Where(n => !n.EndsWith(".sent.txt", StringComparison.Ordinal) && !n.EndsWith(".timeline.txt", StringComparison.Ordinal));

    /// <summary>The non-empty lines of a <c>.jsonl</c> trace, byte-exact (no trimming).</summary>
    public static string[] ReadJsonLines(string fileName) =>
        File.ReadAllLines(PathOf(fileName)).Where(line => line.Length > 0).ToArray();

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
        throw new DirectoryNotFoundException(
            $"No tests/asterisk-traces folder above {TestContext.CurrentContext.TestDirectory}.");
    }
}
