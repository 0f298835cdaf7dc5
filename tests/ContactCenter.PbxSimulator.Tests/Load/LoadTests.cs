using ContactCenter.PbxSimulator.Cli;

namespace ContactCenter.PbxSimulator.Tests.Load;

[TestFixture]
[CancelAfter(60_000)]
public sealed class LoadTests
{
    private static LoadOptions Options(int seed = 3) => new()
    {
        Agents = 40,
        CallsPerSecond = 5,
        TalkTime = TimeSpan.FromSeconds(2),
        RingTime = TimeSpan.FromSeconds(0.5),
        AbandonRatio = 0.2,
        Duration = TimeSpan.FromSeconds(10),
        Pace = LoadPace.AsFastAsPossible,
        Seed = seed,
    };

    [Test]
    public async Task A_load_run_generates_the_calls_it_was_asked_for_and_a_client_receives_every_event_it_counts(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct, o => o.Agents = 40);
        await using var ami = await AmiTestClient.LoginAsync(sim, ct);
        await Queues.QueueSims.AddMembersAsync(ami, "support", ct, Enumerable.Range(6001, 40).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        // A response is written after every event emitted before it: after the Ping, the client has them all.
        await ami.ActionAsync("Action: Ping\r\n", ct);
        var before = ami.Frames.Count(f => f.EventNameString is not null);

        var report = await sim.RunLoadAsync(Options(), ct);
        await ami.ActionAsync("Action: Ping\r\n", ct);
        var received = ami.Frames.Count(f => f.EventNameString is not null) - before;

        Assert.That(report.Calls, Is.EqualTo(50), "5 calls/s for 10 s");
        Assert.That(report.Answered, Is.GreaterThan(30), "40 agents with support's 5 s wrap-up keep up with 5 calls/s");
        Assert.That(report.Abandoned, Is.GreaterThan(3));
        Assert.That(report.Answered + report.Abandoned, Is.LessThanOrEqualTo(report.Calls));
        Assert.That(report.SimulatedTime, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(report.Events, Is.GreaterThan(report.Calls * 50));
        Assert.That(received, Is.EqualTo(report.Events), "every event counted reached the client");
        Assert.That(ami.Frames.Count(f => f.EventNameString == "QueueCallerAbandon"), Is.EqualTo(report.Abandoned));
    }

    [Test]
    public async Task The_same_seed_produces_the_same_run(CancellationToken ct)
    {
        async Task<LoadReport> RunAsync()
        {
            await using var sim = await Sims.ProductAsync(ct, o => o.Agents = 40);
            return await sim.RunLoadAsync(Options(seed: 9), ct);
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.That((second.Calls, second.Answered, second.Abandoned, second.Events, second.Bytes), Is.EqualTo((first.Calls, first.Answered, first.Abandoned, first.Events, first.Bytes)));
    }

    [Test]
    public async Task More_agents_than_the_simulator_has_phones_is_refused_naming_the_setting(CancellationToken ct)
    {
        await using var sim = await Sims.ProductAsync(ct, o => o.Agents = 4);

        var ex = Assert.ThrowsAsync<ArgumentException>(() => sim.RunLoadAsync(Options(), ct));

        Assert.That(ex!.Message, Does.StartWith("LoadOptions:Agents"));
    }

    [Test]
    public void The_command_line_defaults_are_the_documented_ones()
    {
        var cli = CommandLine.Parse([]);

        Assert.That((cli.AmiPort, cli.AriPort, cli.User, cli.Secret, cli.DefaultCredentials), Is.EqualTo((5038, 8088, "admin", "admin", true)));
        Assert.That(cli.CallsPerSecond, Is.Zero);
        Assert.That(cli.Duration, Is.Null);
    }

    [Test]
    public void The_command_line_reads_load_settings_and_durations()
    {
        var cli = CommandLine.Parse(["--ami-port", "15038", "--user", "cc", "--secret", "s3", "--agents", "200", "--calls-per-second", "12.5",
            "--talk-seconds", "45", "--abandon-ratio", "0.1", "--duration", "5m", "--seed", "42"]);

        Assert.That((cli.AmiPort, cli.User, cli.Secret, cli.DefaultCredentials, cli.Agents), Is.EqualTo((15038, "cc", "s3", false, 200)));
        Assert.That((cli.CallsPerSecond, cli.TalkSeconds, cli.AbandonRatio, cli.Seed), Is.EqualTo((12.5, 45.0, 0.1, 42)));
        Assert.That(cli.Duration, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(CommandLine.Parse(["--duration", "90"]).Duration, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [TestCase("--nope")]
    [TestCase("--agents", "many")]
    [TestCase("--abandon-ratio", "2")]
    [TestCase("--ami-port")]
    public void A_bad_command_line_names_the_option(params string[] args)
    {
        var ex = Assert.Throws<FormatException>(() => CommandLine.Parse(args));

        Assert.That(ex!.Message, Does.Contain(args[0]));
    }
}
