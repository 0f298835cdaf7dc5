namespace ContactCenter.PbxSimulator.Tests.Queues;

/// <summary>app_queue behaviour beyond the traces: timeouts, retries, wrap-up, empty queues, positions, pauses, busy members.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class QueueBehaviourTests
{
    private const string CustomQueues = """
        [general]
        persistentmembers = no
        autofill = yes
        shared_lastcall = yes
        [strictjoin]
        strategy = ringall
        joinempty = paused,unavailable
        [leaving]
        strategy = ringall
        leavewhenempty = paused
        retry = 2
        [busyok]
        strategy = ringall
        ringinuse = yes
        [busyno]
        strategy = ringall
        ringinuse = no
        [oneatatime]
        strategy = ringall
        autofill = no
        """;

    [Test]
    public async Task A_member_who_does_not_answer_gets_AgentRingNoAnswer_after_the_ring_timeout_and_the_next_member_rings_after_retry(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "support", ct, "6001", "6002");

        sim.Customer("+5491145550000").Call("qsupport");
        sim.Clock.Advance(TimeSpan.FromSeconds(14.9));
        var stillRinging = QueueSims.Ringing(sim, "6001", "6002");
        sim.Clock.Advance(TimeSpan.FromSeconds(0.1));
        var rna = await ami.WaitForEventAsync("AgentRingNoAnswer", ct);
        var duringRetry = QueueSims.Ringing(sim, "6001", "6002");
        sim.Clock.Advance(TimeSpan.FromSeconds(3));

        Assert.That(stillRinging, Is.EqualTo(new[] { "6001" }));
        Assert.That(rna.Get("Interface"), Is.EqualTo("PJSIP/6001"));
        Assert.That(rna.Get("RingTime"), Is.EqualTo("15000"), "milliseconds, as app_queue reports it");
        Assert.That(ami.Frames.Single(f => f.EventNameString == "DialEnd").Get("DialStatus"), Is.EqualTo("NOANSWER"));
        Assert.That(ami.Frames.Single(f => f.EventNameString == "Hangup").Get("Cause"), Is.EqualTo("0"));
        Assert.That(duringRetry, Is.Empty, "nobody rings during the 3 s retry");
        Assert.That(QueueSims.Ringing(sim, "6001", "6002"), Is.EqualTo(new[] { "6002" }));
    }

    [Test]
    public async Task A_member_is_not_offered_a_call_during_wrap_up(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "support", ct, "6001");
        var first = sim.Customer("+5491145550001").Call("qsupport");
        sim.Phone("6001").Answer();
        sim.Clock.Advance(TimeSpan.FromSeconds(10));
        first.HangUp();

        sim.Customer("+5491145550002").Call("qsupport");
        sim.Clock.Advance(TimeSpan.FromSeconds(4.9));
        var duringWrapup = sim.Phone("6001").IsRinging;
        sim.Clock.Advance(TimeSpan.FromSeconds(0.1));

        Assert.That(duringWrapup, Is.False, "support has wrapuptime = 5");
        Assert.That(sim.Phone("6001").IsRinging, Is.True);
    }

    [Test]
    public async Task Paused_members_are_skipped(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "sales", ct, "6001", "6002");
        await ami.ActionAsync("Action: QueuePause\r\nQueue: sales\r\nInterface: PJSIP/6001\r\nPaused: true\r\nReason: lunch\r\n", ct);

        sim.Customer("+5491145550000").Call("qsales");

        Assert.That(QueueSims.Ringing(sim, "6001", "6002"), Is.EqualTo(new[] { "6002" }));
        Assert.That(sim.QueueMembers("sales").Single(m => m.Interface == "PJSIP/6001"), Has.Property("Paused").True.And.Property("PausedReason").EqualTo("lunch"));
    }

    [Test]
    public async Task Unpausing_a_member_offers_it_the_waiting_caller_at_once(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "sales", ct, "6001");
        await ami.ActionAsync("Action: QueuePause\r\nQueue: sales\r\nInterface: PJSIP/6001\r\nPaused: true\r\n", ct);
        sim.Customer("+5491145550000").Call("qsales");
        var whilePaused = sim.Phone("6001").IsRinging;

        await ami.ActionAsync("Action: QueuePause\r\nQueue: sales\r\nInterface: PJSIP/6001\r\nPaused: false\r\n", ct);

        Assert.That(whilePaused, Is.False);
        Assert.That(sim.Phone("6001").IsRinging, Is.True);
    }

    [Test]
    public async Task With_ringinuse_no_a_member_on_another_call_is_skipped_and_with_ringinuse_yes_it_rings(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct, CustomQueues);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "busyno", ct, "6001");
        await QueueSims.AddMembersAsync(ami, "busyok", ct, "6001");
        sim.Phone("6002").IncomingCalls = CallBehaviour.AnswerAfter(TimeSpan.Zero);
        sim.Phone("6001").Dial("6002");
        sim.Clock.RunDueTimers();
        Assert.That(sim.Phone("6001").DeviceState, Is.EqualTo("INUSE"));

        sim.Customer("+5491145550001").Call("qbusyno");
        var rangForNo = sim.Phone("6001").IsRinging;
        sim.Customer("+5491145550002").Call("qbusyok");

        Assert.That(rangForNo, Is.False);
        Assert.That(sim.Phone("6001").IsRinging, Is.True);
    }

    [Test]
    public async Task Joinempty_refuses_a_caller_when_every_member_is_paused_and_the_dialplan_continues_with_JOINEMPTY(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct, CustomQueues);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "strictjoin", ct, "6001");
        await ami.ActionAsync("Action: QueuePause\r\nInterface: PJSIP/6001\r\nPaused: true\r\n", ct);

        var call = sim.Customer("+5491145550000").Call("qstrictjoin");
        await ami.WaitForEventAsync("Hangup", ct);

        Assert.That(ami.EventNames(), Does.Not.Contain("QueueCallerJoin"));
        Assert.That(ami.Frames.Single(f => f.EventNameString == "VarSet" && f.Get("Variable") == "QUEUESTATUS").Get("Value"), Is.EqualTo("JOINEMPTY"));
        Assert.That(call.IsGone, Is.True);
    }

    [Test]
    public async Task Leavewhenempty_takes_a_waiting_caller_out_when_the_last_member_is_paused(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct, CustomQueues);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "leaving", ct, "6001");
        sim.Phone("6001").IncomingCalls = CallBehaviour.Busy();
        var call = sim.Customer("+5491145550000").Call("qleaving");
        var waiting = sim.QueueCallers("leaving").Count;

        await ami.ActionAsync("Action: QueuePause\r\nInterface: PJSIP/6001\r\nPaused: true\r\n", ct);
        await ami.WaitForEventAsync("QueueCallerLeave", ct);
        await ami.WaitForEventAsync("Hangup", ct, f => f.Get("Channel") == call.ChannelName);

        Assert.That(waiting, Is.EqualTo(1));
        Assert.That(ami.Frames.Last(f => f.EventNameString == "VarSet" && f.Get("Variable") == "QUEUESTATUS").Get("Value"), Is.EqualTo("LEAVEEMPTY"));
        Assert.That(ami.EventNames(), Does.Not.Contain("QueueCallerAbandon"));
    }

    [Test]
    public async Task Callers_wait_in_order_with_positions_and_a_leaving_caller_moves_the_others_up(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "support", ct, "6001");
        await ami.ActionAsync("Action: QueuePause\r\nInterface: PJSIP/6001\r\nPaused: true\r\n", ct);

        var calls = Enumerable.Range(1, 3).Select(i => sim.Customer($"+549114555000{i}").Call("qsupport")).ToList();
        sim.Clock.Advance(TimeSpan.FromSeconds(7));
        calls[0].HangUp();
        var abandon = await ami.WaitForEventAsync("QueueCallerAbandon", ct);
        var entries = (await ami.ListAsync("Action: QueueStatus\r\nQueue: support\r\n", ct)).Where(f => f.EventNameString == "QueueEntry").ToList();

        var joins = ami.Frames.Where(f => f.EventNameString == "QueueCallerJoin").Select(f => (f.Get("Position"), f.Get("Count")));
        Assert.That(joins, Is.EqualTo(new[] { ("1", "1"), ("2", "2"), ("3", "3") }));
        Assert.That(abandon.Get("Position"), Is.EqualTo("1"));
        Assert.That(abandon.Get("HoldTime"), Is.EqualTo("7"));
        Assert.That(entries.Select(e => (e.Get("Position"), e.Get("Channel"), e.Get("Wait"))), Is.EqualTo(new[]
        {
            ("1", calls[1].ChannelName, "7"),
            ("2", calls[2].ChannelName, "7"),
        }));
    }

    [Test]
    public async Task A_caller_who_hangs_up_while_a_member_rings_abandons_without_AgentRingNoAnswer(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "support", ct, "6001");

        var call = sim.Customer("+5491145550000").Call("qsupport");
        sim.Clock.Advance(TimeSpan.FromSeconds(6));
        call.HangUp();
        await ami.WaitForEventAsync("QueueCallerAbandon", ct);

        Assert.That(ami.Frames.Where(f => f.EventNameString == "DialEnd").Select(f => f.Get("DialStatus")), Is.EqualTo(new[] { "CANCEL", "CANCEL" }));
        Assert.That(ami.EventNames(), Does.Not.Contain("AgentRingNoAnswer"));
        Assert.That(sim.Phone("6001").IsRinging, Is.False);
    }

    [Test]
    public async Task When_the_agent_hangs_up_first_AgentComplete_says_agent_and_the_caller_is_hung_up_too(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "support", ct, "6001");
        var call = sim.Customer("+5491145550000").Call("qsupport");
        sim.Phone("6001").Answer();
        sim.Clock.Advance(TimeSpan.FromSeconds(42));

        sim.Phone("6001").HangUp();
        var complete = await ami.WaitForEventAsync("AgentComplete", ct);

        Assert.That(complete.Get("Reason"), Is.EqualTo("agent"));
        Assert.That(complete.Get("TalkTime"), Is.EqualTo("42"));
        Assert.That(call.IsGone, Is.True);
        Assert.That(sim.Channels, Is.Empty);
    }

    [Test]
    public async Task With_autofill_waiting_callers_ring_free_members_in_parallel_and_without_it_only_the_head_of_the_queue_rings(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct, CustomQueues);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "busyok", ct, "6001", "6002");
        await QueueSims.AddMembersAsync(ami, "oneatatime", ct, "6003", "6004");
        foreach (var phone in new[] { "6001", "6002", "6003", "6004" })
        {
            await ami.ActionAsync($"Action: QueuePause\r\nInterface: PJSIP/{phone}\r\nPaused: true\r\n", ct);
        }
        sim.Customer("+5491145550001").Call("qbusyok");
        sim.Customer("+5491145550002").Call("qbusyok");
        sim.Customer("+5491145550003").Call("qoneatatime");
        sim.Customer("+5491145550004").Call("qoneatatime");

        foreach (var phone in new[] { "6001", "6002", "6003", "6004" })
        {
            await ami.ActionAsync($"Action: QueuePause\r\nInterface: PJSIP/{phone}\r\nPaused: false\r\n", ct);
        }

        var called = ami.Frames.Where(f => f.EventNameString == "AgentCalled").Select(f => (f.Get("Queue"), f.Get("CallerIDNum"), f.Get("Interface"))).ToList();
        Assert.That(called, Is.EqualTo(new[]
        {
            ("busyok", "+5491145550001", "PJSIP/6001"),
            ("busyok", "+5491145550002", "PJSIP/6002"),
            ("oneatatime", "+5491145550003", "PJSIP/6003"),
        }), "the second caller of the autofill = no queue waits although 6004 is free");
    }
}
