namespace ContactCenter.PbxSimulator;

public sealed partial class PbxSimulator
{
    /// <summary>The ARI port actually listened on (0 until the ARI server exists).</summary>
    public int AriPort { get; private set; }

    /// <summary>Root of the ARI REST API, e.g. <c>http://127.0.0.1:8088/ari/</c>.</summary>
    public Uri AriBaseUrl => new($"http://{Options.BindAddress}:{AriPort}/ari/");

    private Task StartAriAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    private Task StopAriAsync() => Task.CompletedTask;

    private static bool IsAriQuiet() => true;
}
