using System.Net;
using ContactCenter.PbxSimulator.Ari;
using Microsoft.Extensions.Logging;

namespace ContactCenter.PbxSimulator;

public sealed partial class PbxSimulator
{
    private AriServer? _ari;

    /// <summary>The ARI port actually listened on.</summary>
    public int AriPort => _ari?.Port ?? 0;

    /// <summary>Root of the ARI REST API, e.g. <c>http://127.0.0.1:8088/ari/</c>.</summary>
    public Uri AriBaseUrl => new($"http://{Options.BindAddress}:{AriPort}/ari/");

    private async Task StartAriAsync(CancellationToken cancellationToken)
    {
        _ari = new AriServer(Engine, AriDelay, LoggerFactory.CreateLogger("ContactCenter.PbxSimulator.Ari"));
        await _ari.StartAsync(IPAddress.Parse(Options.BindAddress), Options.AriPort, cancellationToken);
    }

    /// <summary>How long a REST request waits before it runs and is answered: the answer delay for a channel answer, else the response delay.</summary>
    private TimeSpan AriDelay(string[] route) =>
        route is ["channels", _, "answer"] && AriAnswerDelay > AriResponseDelay ? AriAnswerDelay : AriResponseDelay;

    private async Task StopAriAsync()
    {
        if (_ari is not null)
        {
            await _ari.DisposeAsync();
        }
    }

    private bool IsAriQuiet() => _ari?.IsQuiet ?? true;
}
