namespace ContactCenter.PbxSimulator.Tests.Scenario;

/// <summary>AMI Originate to a customer through the trunk, with every outcome a customer can produce.</summary>
[TestFixture]
[CancelAfter(20_000)]
public sealed class OriginateTests
{
    private const string Customer = "+5491145550000";

    private static string Originate(string timeoutMs = "30000") =>
        $"Action: Originate\r\nChannel: PJSIP/{Customer}@trunk\r\nContext: cc-originate\r\nExten: agent\r\nPriority: 1\r\nAsync: true\r\nTimeout: {timeoutMs}\r\nCallerID: Support <7000>\r\nVariable: CC_CALL_ID=c-1,CC_AGENT_INTERFACE=PJSIP/6001\r\n";

    private static IEnumerable<TestCaseData> Outcomes()
    {
        yield return new TestCaseData(CallBehaviour.Busy(TimeSpan.FromSeconds(2)), "5", "BUSY", "17").SetName("A_busy_customer_gives_reason_5_DialEnd_BUSY_and_cause_17");
        yield return new TestCaseData(CallBehaviour.Congestion(), "8", "CONGESTION", "34").SetName("A_congested_network_gives_reason_8_DialEnd_CONGESTION_and_cause_34");
        yield return new TestCaseData(CallBehaviour.Reject(TimeSpan.FromSeconds(1)), "1", "CHANUNAVAIL", "21").SetName("A_rejected_call_gives_reason_1_and_cause_21");
        yield return new TestCaseData(CallBehaviour.NoAnswer(), "3", "NOANSWER", "19").SetName("An_unanswered_call_gives_reason_3_DialEnd_NOANSWER_and_cause_19_after_the_timeout");
    }

    [Test]
    public async Task An_answered_originate_reports_reason_4_and_the_customer_enters_the_dialplan_which_dials_the_agent(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        sim.Customer(Customer).IncomingCalls = CallBehaviour.AnswerAfter(TimeSpan.FromSeconds(5));

        var queued = await ami.ActionAsync(Originate(), ct);
        sim.Clock.Advance(TimeSpan.FromSeconds(5));
        var response = await ami.WaitForEventAsync("OriginateResponse", ct);
        await sim.Phone("6001").WaitUntilRingingAsync(ct);

        Assert.That(queued.Get("Message"), Is.EqualTo("Originate successfully queued"));
        Assert.That(response.Get("Response"), Is.EqualTo("Success"));
        Assert.That(response.Get("Reason"), Is.EqualTo("4"));
        Assert.That(response.Get("Channel"), Does.Match(@"^PJSIP/trunk-[0-9a-f]{8}$"));
        Assert.That(response.Get("CallerIDNum"), Is.EqualTo("7000"));
        Assert.That(response.Get("CallerIDName"), Is.EqualTo("Support"));
        Assert.That(ami.Frames.Where(f => f.EventNameString == "VarSet" && f.Get("Variable")!.StartsWith("CC_", StringComparison.Ordinal)).Select(f => f.Get("Value")), Is.EqualTo(new[] { "c-1", "PJSIP/6001" }));
        Assert.That(sim.Recordings.Single().Path, Does.StartWith("/var/spool/asterisk/monitor/"));
    }

    [TestCaseSource(nameof(Outcomes))]
    public async Task A_failed_originate_reports_Asterisks_reason_dial_status_and_hangup_cause(CallBehaviour behaviour, string reason, string dialStatus, string cause, CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        sim.Customer(Customer).IncomingCalls = behaviour;

        await ami.ActionAsync(Originate(timeoutMs: "20000"), ct);
        sim.Clock.Advance(TimeSpan.FromSeconds(21));
        var response = await ami.WaitForEventAsync("OriginateResponse", ct);

        Assert.That(response.Get("Response"), Is.EqualTo("Failure"));
        Assert.That(response.Get("Reason"), Is.EqualTo(reason));
        Assert.That(response.Get("Uniqueid"), Is.EqualTo("<null>"));
        Assert.That(response.Get("Channel"), Is.EqualTo($"PJSIP/{Customer}@trunk"));
        Assert.That(ami.Frames.Single(f => f.EventNameString == "DialEnd").Get("DialStatus"), Is.EqualTo(dialStatus));
        Assert.That(ami.Frames.Single(f => f.EventNameString == "Hangup").Get("Cause"), Is.EqualTo(cause));
        Assert.That(sim.Channels, Is.Empty);
    }

    [Test]
    public async Task An_originate_to_an_unregistered_phone_fails_with_reason_0_and_creates_no_channel(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        sim.Phone("6002").Registered = false;

        await ami.ActionAsync("Action: Originate\r\nChannel: PJSIP/6002\r\nContext: agents\r\nExten: 6001\r\nAsync: true\r\n", ct);
        var response = await ami.WaitForEventAsync("OriginateResponse", ct);

        Assert.That(response.Get("Reason"), Is.EqualTo("0"));
        Assert.That(ami.EventNames(), Does.Not.Contain("Newchannel"));
        Assert.That(sim.Phone("6002").DeviceState, Is.EqualTo("UNAVAILABLE"));
    }

    [Test]
    public async Task A_synchronous_originate_answers_only_once_the_call_is_answered_or_failed(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        sim.Customer(Customer).IncomingCalls = CallBehaviour.AnswerAfter(TimeSpan.FromSeconds(3));
        sim.Customer("+5491145559999").IncomingCalls = CallBehaviour.Busy();

        await ami.Client.SendAsync($"Action: Originate\r\nChannel: PJSIP/{Customer}@trunk\r\nContext: cc-originate\r\nExten: agent\r\nActionID: sync-1\r\n\r\n", ct);
        await Sims.Poll(() => sim.Channels.Count == 1, ct);
        var beforeAnswer = ami.Frames.Any(f => f.ActionId == "sync-1");
        sim.Clock.Advance(TimeSpan.FromSeconds(3));
        var answered = await ami.Client.WaitForResponseAsync("sync-1", ct);
        var failed = await ami.ActionAsync("Action: Originate\r\nChannel: PJSIP/+5491145559999@trunk\r\nContext: cc-originate\r\nExten: agent\r\n", ct);

        Assert.That(beforeAnswer, Is.False);
        Assert.That(answered.Get("Message"), Is.EqualTo("Originate successfully queued"));
        Assert.That(failed.Get("Response"), Is.EqualTo("Error"));
        Assert.That(failed.Get("Message"), Is.EqualTo("Originate failed"));
        Assert.That(ami.EventNames(), Does.Not.Contain("OriginateResponse"), "only Async originates send OriginateResponse");
    }
}
