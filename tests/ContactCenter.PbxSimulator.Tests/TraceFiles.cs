namespace ContactCenter.PbxSimulator.Tests;

/// <summary>Locates <c>tests/asterisk-traces</c> (the real Asterisk 22 captures and their lab config) from the test output directory.</summary>
internal static class TraceFiles
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    public static string PathOf(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Trace {fileName} is not in {Directory}.", path);
    }

    public static string LabConfig(string fileName) => PathOf(Path.Combine("lab-config", fileName));

    public static byte[] ReadBytes(string fileName) => File.ReadAllBytes(PathOf(fileName));

    public static string[] ReadLines(string fileName) => File.ReadAllLines(PathOf(fileName));

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
        throw new DirectoryNotFoundException($"No tests/asterisk-traces folder above {TestContext.CurrentContext.TestDirectory}.");
    }
}
