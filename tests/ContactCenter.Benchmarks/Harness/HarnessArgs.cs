using System.Globalization;

namespace ContactCenter.Benchmarks.Harness;

/// <summary>The <c>--name value</c> options of a harness; a malformed number stops it naming the option.</summary>
internal sealed class HarnessArgs(string[] args)
{
    public IReadOnlyList<string> All => args;

    public bool Flag(string name) => args.Contains(name);

    public string? Text(string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public double Number(string name, double fallback)
    {
        if (Text(name) is not { } text)
        {
            return fallback;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name}: '{text}' is not a number");
    }

    public int Integer(string name, int fallback) => (int)Number(name, fallback);
}
