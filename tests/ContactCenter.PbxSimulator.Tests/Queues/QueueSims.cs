namespace ContactCenter.PbxSimulator.Tests.Queues;

/// <summary>
/// The product's queues.conf with a test dialplan that reaches any queue: a customer dialing
/// <c>q&lt;name&gt;</c> is answered and queued in &lt;name&gt;.
/// </summary>
internal static class QueueSims
{
    public const string Dialplan = """
        [agents]
        exten => _6XXX,1,Dial(PJSIP/${EXTEN},30)
         same => n,Hangup()
        [from-trunk]
        exten => _q.,1,Answer()
         same => n,Queue(${EXTEN:1})
         same => n,NoOp(left the queue with ${QUEUESTATUS})
         same => n,Hangup()
        """;

    public static Task<PbxSimulator> StartAsync(CancellationToken ct, string? queuesConf = null, int agents = 4, int seed = 1) =>
        Sims.ProductAsync(ct, o =>
        {
            o.ExtensionsConfText = Dialplan;
            o.QueuesConfText = queuesConf;
            o.Agents = agents;
            o.Seed = seed;
        });

    /// <summary>Adds members in order through AMI, as the product does.</summary>
    public static async Task AddMembersAsync(AmiTestClient ami, string queue, CancellationToken ct, params string[] phones)
    {
        foreach (var phone in phones)
        {
            var r = await ami.ActionAsync($"Action: QueueAdd\r\nQueue: {queue}\r\nInterface: PJSIP/{phone}\r\nMemberName: Agent {phone}\r\n", ct);
            Assert.That(r.Get("Response"), Is.EqualTo("Success"), r.Get("Message"));
        }
    }

    /// <summary>Which phones ring now.</summary>
    public static string[] Ringing(PbxSimulator sim, params string[] phones) => phones.Where(p => sim.Phone(p).IsRinging).ToArray();
}
