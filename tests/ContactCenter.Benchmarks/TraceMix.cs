using System.Reflection;

namespace ContactCenter.Benchmarks;

/// <summary>
/// The event mix of the real Asterisk 22 traces (every frame of every AMI trace, banners removed),
/// repeated to fill a buffer: VarSet-heavy, ~500 bytes per frame, as Asterisk sends with <c>read = all</c>.
/// </summary>
internal static class TraceMix
{
    public static byte[] Frames { get; } = Load();

    public static int FrameCount { get; } = CountFrames(Frames);

    public static byte[] Repeated(int minimumBytes)
    {
        var copies = Math.Max(1, (minimumBytes + Frames.Length - 1) / Frames.Length);
        var result = new byte[Frames.Length * copies];
        for (var i = 0; i < copies; i++)
        {
            Frames.CopyTo(result, i * Frames.Length);
        }
        return result;
    }

    public static int CountFrames(byte[] bytes)
    {
        var count = 0;
        for (var i = 3; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r')
            {
                count++;
            }
        }
        return count;
    }

    private static byte[] Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var all = new MemoryStream();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("traces/ami-", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var afterBanner = Array.IndexOf(bytes, (byte)'\n') + 1;
            all.Write(bytes, afterBanner, bytes.Length - afterBanner);
        }
        var text = all.ToArray();
        return text.Length > 0 ? text : throw new InvalidOperationException("no embedded traces in the benchmark assembly");
    }
}
