namespace ContactCenter.Benchmarks.Harness;

/// <summary>The queues.conf of the load runs, written to a temporary file for the simulator executable.</summary>
internal static class LoadQueues
{
    // A queue like the product's support queue but without wrap-up time, so the agents can take calls
    // back to back at high rates.
    public const string Conf = """
        [general]
        persistentmembers = no
        autofill = yes
        shared_lastcall = yes
        [support]
        strategy = rrmemory
        timeout = 15
        retry = 3
        wrapuptime = 0
        ringinuse = no
        setinterfacevar = yes
        setqueuevar = yes
        setqueueentryvar = yes
        """;

    /// <summary>Writes the file and returns its path (the caller deletes it).</summary>
    public static async Task<string> WriteAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-load-queues-{Environment.ProcessId}-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(path, Conf);
        return path;
    }
}
