namespace ContactCenter.PbxSimulator.Tests.Fidelity;

/// <summary>
/// The ARI side of the lab scenarios, replayed through the simulator's real HTTP and WebSocket server:
/// every event message and every REST answer compared with the capture (property order, values, ids
/// through a consistent mapping; wall-clock times, SIP call ids and RTP statistics excluded).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AriTraceFidelityTests
{
    private LabReplay _replay = null!;

    [OneTimeSetUp]
    public async Task ReplayTheLabSession()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _replay = await LabReplay.RunAllAsync(timeout.Token);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _replay.DisposeAsync();

    private static readonly string[] FeatureCodes = ["01-featurecode-login", "02-featurecode-pause", "03-featurecode-unpause", "04-featurecode-logout"];

    private static LabScenario Scenario(string name) => LabScenario.All.Single(s => s.Name == name);

    [TestCaseSource(nameof(FeatureCodes))]
    public void The_event_messages_of_a_feature_code_call_match_the_real_Asterisk(string name)
    {
        var expected = TraceFiles.ReadLines($"ari-{name}.jsonl").Where(l => l.Length > 0).ToList();
        var actual = _replay.Ari(Scenario(name)).Messages;
        var ids = new IdMapping();
        var problems = new List<string>();

        Assert.That(actual.Select(Type), Is.EqualTo(expected.Select(Type)), "event types in order");
        for (var i = 0; i < expected.Count; i++)
        {
            JsonComparer.Compare($"message {i} ({Type(expected[i])})", expected[i], actual[i], ids, problems);
        }
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [TestCaseSource(nameof(FeatureCodes))]
    public void The_REST_answers_of_a_feature_code_call_match_the_real_Asterisk(string name) =>
        AssertRestMatches(name);

    [Test]
    public void The_REST_answers_before_a_restart_match_the_real_Asterisk() => AssertRestMatches("10-restart");

    [Test]
    public void A_restart_drops_the_event_WebSocket_without_a_close_frame() =>
        Assert.That(_replay.Ari(Scenario("10-restart")).ClosedWithoutCloseFrame, Is.True);

    private void AssertRestMatches(string name)
    {
        var expected = RestTrace.Load($"ari-{name}.rest.txt");
        var actual = _replay.Ari(Scenario(name)).Rest;
        var ids = new IdMapping();
        var problems = new List<string>();

        Assert.That(actual.Select(r => r.Method), Is.EqualTo(expected.Select(r => r.Method)));
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var where = $"{e.Method} {e.Target}";
            if (!ids.SameWithIds(e.Target, a.Target))
            {
                problems.Add($"{where}: sent as {a.Target}");
            }
            if (e.Status != a.Status)
            {
                problems.Add($"{where}: status {a.Status}, trace {e.Status}");
            }
            foreach (var header in new[] { "Server", "Cache-Control", "Location", "Content-type" })
            {
                var ev = e.Headers.GetValueOrDefault(header);
                var av = a.Headers.GetValueOrDefault(header);
                // HttpClient re-renders Cache-Control (no-store, no-cache): compare the directives as a set.
                static string Norm(string v) => string.Join(",", v.ToLowerInvariant().Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
                if (ev is not null && (av is null || !ids.SameWithIds(Norm(ev), Norm(av))))
                {
                    problems.Add($"{where}: header {header} is '{av}', trace '{ev}'");
                }
            }
            if (e.Body.Length > 0)
            {
                JsonComparer.Compare(where, e.Body, a.Body, ids, problems);
            }
            else if (a.Body.Length > 0)
            {
                problems.Add($"{where}: body '{a.Body}' where the trace has none");
            }
        }
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    private static string Type(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("type").GetString()!;
    }
}
