namespace ContactCenter.PbxSimulator.Tests.Fidelity;

/// <summary>One lab scenario: its steps log, its AMI timelines and the byte streams Asterisk sent on each connection.</summary>
public sealed record LabScenario(string Name, string StepsLog, string[] Timelines, string[] Traces)
{
    public static readonly LabScenario[] All =
    [
        Single("01-featurecode-login"),
        Single("02-featurecode-pause"),
        Single("03-featurecode-unpause"),
        Single("04-featurecode-logout"),
        Single("05-queue-actions"),
        Single("05b-failed-login"),
        Single("06-queue-call-answered"),
        Single("07-queue-call-abandoned"),
        Single("08-ami-originate"),
        Single("09-ami-featurecode-userevent"),
        new("10-restart", "steps-10-restart.log",
            ["ami-10-restart.timeline.txt", "ami-10-restart-after.timeline.txt"],
            ["ami-10-restart.txt", "ami-10-restart-after.txt"]),
    ];

    private static LabScenario Single(string name) =>
        new(name, $"steps-{name}.log", [$"ami-{name}.timeline.txt"], [$"ami-{name}.txt"]);

    public override string ToString() => Name;
}
