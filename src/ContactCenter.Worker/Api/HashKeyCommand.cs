namespace ContactCenter.Worker.Api;

/// <summary>
/// <c>ContactCenter.Worker hash-key</c> prints a new random key and its hash; <c>hash-key &lt;key&gt;</c> prints
/// the hash of an existing key. The hash goes to <c>Api:Keys:N:Hash</c>; the key to its holder only.
/// </summary>
internal static class HashKeyCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length > 1)
        {
            throw new ArgumentException("hash-key takes at most one argument: the key to hash (none: a new key is generated)");
        }
        if (args.Length == 1)
        {
            output.WriteLine(ApiKeyHash.Compute(args[0]));
            return 0;
        }
        var key = ApiKeyHash.NewKey();
        output.WriteLine($"key:  {key}");
        output.WriteLine($"hash: {ApiKeyHash.Compute(key)}");
        return 0;
    }
}
