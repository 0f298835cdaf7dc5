using ContactCenter.PbxSimulator.Queues;

namespace ContactCenter.PbxSimulator.Tests.Config;

[TestFixture]
public sealed class QueuesConfParserTests
{
    private static QueuesConfig Product()
    {
        using var stream = typeof(PbxSimulator).Assembly.GetManifestResourceStream("asterisk-config/queues.conf")!;
        using var reader = new StreamReader(stream);
        return QueuesConfParser.Parse(reader.ReadToEnd(), "asterisk-config/queues.conf");
    }

    [Test]
    public void The_product_queues_load_with_their_strategies_and_wrap_up_times_and_templates_are_not_queues()
    {
        var config = Product();

        Assert.That(config.Queues.Select(q => (q.Name, q.Strategy, q.WrapupTime, q.Timeout)), Is.EqualTo(new[]
        {
            ("support", QueueStrategy.RrMemory, 5, 15),
            ("sales", QueueStrategy.RingAll, 10, 20),
            ("billing", QueueStrategy.LeastRecent, 15, 20),
            ("overflow", QueueStrategy.Random, 5, 10),
            ("vip", QueueStrategy.Linear, 30, 25),
        }));
        Assert.That(config.PersistentMembers, Is.False);
        Assert.That(config.SharedLastCall, Is.True);
    }

    [Test]
    public void Options_of_the_template_are_inherited()
    {
        var sales = Product().Queues.Single(q => q.Name == "sales");

        Assert.That(sales.RingInUse, Is.False);
        Assert.That(sales.Retry, Is.EqualTo(3));
        Assert.That(sales.ServiceLevel, Is.EqualTo(20));
        Assert.That(sales.SetQueueVar && sales.SetInterfaceVar && sales.SetQueueEntryVar, Is.True);
        Assert.That(sales.JoinEmpty, Is.EqualTo(EmptyConditions.None));
        Assert.That(sales.LeaveWhenEmpty, Is.EqualTo(EmptyConditions.None));
    }

    [Test]
    public void The_lab_template_strategy_applies_to_both_lab_queues()
    {
        var lab = QueuesConfParser.Parse(File.ReadAllText(TraceFiles.LabConfig("queues.conf")), "lab queues.conf");

        Assert.That(lab.Queues.Select(q => q.StrategyName), Is.EqualTo(new[] { "rrmemory", "rrmemory" }));
    }

    [Test]
    public void An_unknown_queue_option_is_a_load_error_naming_file_and_line()
    {
        var ex = Assert.Throws<PbxConfigException>(() => QueuesConfParser.Parse("[q]\nstrategy = ringall\nfancy = yes\n", "site-queues.conf"));

        Assert.That(ex!.Message, Does.StartWith("site-queues.conf:3:"));
        Assert.That(ex.Message, Does.Contain("fancy"));
    }

    [Test]
    public void An_unknown_strategy_is_a_load_error()
    {
        Assert.Throws<PbxConfigException>(() => QueuesConfParser.Parse("[q]\nstrategy = wrandom\n", "site-queues.conf"));
    }

    [Test]
    public void Join_and_leave_conditions_are_read_as_lists()
    {
        var q = QueuesConfParser.Parse("[q]\njoinempty = paused,unavailable\nleavewhenempty = inuse,ringing\n", "x").Queues[0];

        Assert.That(q.JoinEmpty, Is.EqualTo(EmptyConditions.Paused | EmptyConditions.Unavailable));
        Assert.That(q.LeaveWhenEmpty, Is.EqualTo(EmptyConditions.InUse | EmptyConditions.Ringing));
    }
}
