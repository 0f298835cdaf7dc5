namespace ContactCenter.PbxSimulator.Tests.Queues;

/// <summary>Which members ring, per strategy of the product's queues.conf.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class QueueStrategyTests
{
    [Test]
    public async Task Ringall_rings_every_free_member_and_the_first_to_answer_takes_the_call(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "sales", ct, "6001", "6002", "6003");

        sim.Customer("+5491145550001").Call("qsales");
        var ringing = QueueSims.Ringing(sim, "6001", "6002", "6003");
        sim.Phone("6002").Answer();
        await ami.WaitForEventAsync("AgentConnect", ct);

        Assert.That(ringing, Is.EqualTo(new[] { "6001", "6002", "6003" }));
        Assert.That(ami.Frames.Where(f => f.EventNameString == "DialEnd").Select(f => f.Get("DialStatus")), Is.EquivalentTo(new[] { "ANSWER", "CANCEL", "CANCEL" }));
        Assert.That(ami.Frames.Single(f => f.EventNameString == "AgentConnect").Get("Interface"), Is.EqualTo("PJSIP/6002"));
        Assert.That(QueueSims.Ringing(sim, "6001", "6003"), Is.Empty);
        Assert.That(sim.Channels.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task Rrmemory_gives_each_new_call_to_the_member_after_the_one_rung_last(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "support", ct, "6001", "6002", "6003");
        var rung = new List<string>();

        for (var i = 0; i < 4; i++)
        {
            var call = sim.Customer($"+54911455500{i:00}").Call("qsupport");
            rung.Add(QueueSims.Ringing(sim, "6001", "6002", "6003").Single());
            call.HangUp();
        }

        Assert.That(rung, Is.EqualTo(new[] { "6001", "6002", "6003", "6001" }));
    }

    [Test]
    public async Task Leastrecent_rings_the_member_whose_last_call_ended_longest_ago(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "billing", ct, "6001", "6002", "6003");
        var rung = new List<string>();

        foreach (var talk in new[] { 10, 10, 10, 10 })
        {
            var call = sim.Customer("+5491145550000").Call("qbilling");
            var phone = QueueSims.Ringing(sim, "6001", "6002", "6003").Single();
            rung.Add(phone);
            sim.Phone(phone).Answer();
            sim.Clock.Advance(TimeSpan.FromSeconds(talk));
            call.HangUp();
            sim.Clock.Advance(TimeSpan.FromSeconds(20)); // past billing's 15 s wrap-up
        }

        Assert.That(rung, Is.EqualTo(new[] { "6001", "6002", "6003", "6001" }), "never-called members first (in order), then the oldest last call");
    }

    [Test]
    public async Task Random_spreads_calls_over_all_members_and_repeats_with_the_same_seed(CancellationToken ct)
    {
        async Task<List<string>> RunAsync(int seed)
        {
            await using var sim = await QueueSims.StartAsync(ct, seed: seed);
            await using var ami = await AmiTestClient.LoginAsync(sim, ct);
            await QueueSims.AddMembersAsync(ami, "overflow", ct, "6001", "6002", "6003");
            var rung = new List<string>();
            for (var i = 0; i < 30; i++)
            {
                var call = sim.Customer("+5491145550000").Call("qoverflow");
                rung.Add(QueueSims.Ringing(sim, "6001", "6002", "6003").Single());
                call.HangUp();
            }
            return rung;
        }

        var first = await RunAsync(7);
        var again = await RunAsync(7);

        Assert.That(first.Distinct().Order(), Is.EqualTo(new[] { "6001", "6002", "6003" }));
        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public async Task Linear_starts_every_call_at_the_first_member_and_moves_down_the_list_when_one_does_not_answer(CancellationToken ct)
    {
        await using var sim = await QueueSims.StartAsync(ct);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await QueueSims.AddMembersAsync(ami, "vip", ct, "6001", "6002", "6003");

        var first = sim.Customer("+5491145550001").Call("qvip");
        var firstRung = QueueSims.Ringing(sim, "6001", "6002", "6003");
        sim.Clock.Advance(TimeSpan.FromSeconds(25)); // vip rings 25 s, then retry 3 s
        var afterTimeout = QueueSims.Ringing(sim, "6001", "6002", "6003");
        sim.Clock.Advance(TimeSpan.FromSeconds(3));
        var afterRetry = QueueSims.Ringing(sim, "6001", "6002", "6003");
        first.HangUp();
        sim.Customer("+5491145550002").Call("qvip");

        Assert.That(firstRung, Is.EqualTo(new[] { "6001" }));
        Assert.That(afterTimeout, Is.Empty);
        Assert.That(afterRetry, Is.EqualTo(new[] { "6002" }));
        Assert.That(QueueSims.Ringing(sim, "6001", "6002", "6003"), Is.EqualTo(new[] { "6001" }), "a new caller starts from the top again");
    }
}
