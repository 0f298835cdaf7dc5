namespace ContactCenter.PbxSimulator.Tests.Scenario;

/// <summary>The product's own asterisk-config (embedded), executed end to end.</summary>
[TestFixture]
[CancelAfter(20_000)]
public sealed class ProductDialplanTests
{
    [Test]
    public async Task A_feature_code_without_a_connected_Stasis_app_fails_Stasis_and_the_dialplan_hangs_up(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);

        var call = sim.Phone("6001").Dial("**1210");
        await ami.WaitForEventAsync("Hangup", ct);

        var varsets = ami.Frames.Where(f => f.EventNameString == "VarSet" && f.Get("Variable") == "STASISSTATUS").Select(f => f.Get("Value")).ToList();
        var apps = ami.Frames.Where(f => f.EventNameString == "Newexten").Select(f => f.Get("Application")).ToList();
        Assert.That(varsets, Is.EqualTo(new[] { "", "FAILED" }));
        Assert.That(apps, Is.EqualTo(new[] { "NoOp", "Stasis", "Hangup" }));
        Assert.That(call.IsGone, Is.True);
        Assert.That(ami.Frames.First(f => f.EventNameString == "Newchannel").Get("Context"), Is.EqualTo("agents"), "included contexts do not change the channel's context");
    }

    [Test]
    public async Task A_number_the_dialplan_does_not_route_creates_no_channel(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);

        var call = sim.Phone("6001").Dial("999");

        Assert.That(call.Exists, Is.False);
        Assert.That(sim.Channels, Is.Empty);
    }

    [Test]
    public async Task A_customer_calling_7000_through_the_trunk_is_answered_recorded_and_queued_in_support(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await ami.ActionAsync("Action: QueueAdd\r\nQueue: support\r\nInterface: PJSIP/6002\r\nMemberName: Agent 6002\r\n", ct);

        var call = sim.Customer("+5491145550000").Call("7000");
        await sim.Phone("6002").WaitUntilRingingAsync(ct);
        var join = await ami.WaitForEventAsync("QueueCallerJoin", ct);
        var called = await ami.WaitForEventAsync("AgentCalled", ct);

        Assert.That(call.ChannelName, Does.Match(@"^PJSIP/trunk-[0-9a-f]{8}$"));
        Assert.That(join.Get("CallerIDNum"), Is.EqualTo("+5491145550000"));
        Assert.That(join.Get("Context"), Is.EqualTo("from-trunk"));
        Assert.That(join.Get("Queue"), Is.EqualTo("support"));
        Assert.That(called.Get("Interface"), Is.EqualTo("PJSIP/6002"));
        Assert.That(sim.Recordings.Single().Path, Is.EqualTo($"/var/spool/asterisk/monitor/{call.ChannelId}.wav"));
        Assert.That(sim.QueueCallers("support"), Is.EqualTo(new[] { call.ChannelName }));
    }

    [Test]
    public async Task An_answered_queue_call_is_bridged_and_completes_when_the_customer_hangs_up(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await ami.ActionAsync("Action: QueueAdd\r\nQueue: support\r\nInterface: PJSIP/6001\r\nMemberName: Agent 6001\r\n", ct);

        var call = sim.Customer("+5491145550000").Call("7000");
        sim.Clock.Advance(TimeSpan.FromSeconds(3));
        sim.Phone("6001").Answer();
        sim.Clock.Advance(TimeSpan.FromSeconds(30));
        call.HangUp();
        var complete = await ami.WaitForEventAsync("AgentComplete", ct);
        await ami.WaitForEventAsync("QueueMemberStatus", ct, f => f.Get("CallsTaken") == "1");

        var connect = ami.Frames.Single(f => f.EventNameString == "AgentConnect");
        Assert.That(connect.Get("HoldTime"), Is.EqualTo("3"));
        Assert.That(complete.Get("TalkTime"), Is.EqualTo("30"));
        Assert.That(complete.Get("Reason"), Is.EqualTo("caller"));
        Assert.That(sim.Channels, Is.Empty);
        Assert.That(sim.QueueMembers("support").Single().CallsTaken, Is.EqualTo(1));
    }
}
