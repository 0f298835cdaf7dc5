using ContactCenter.Connector.FeatureCodes;

namespace ContactCenter.Connector.Tests.FeatureCodes;

/// <summary>The tally of a held phone's queue commands: when the phone gets its answer, and that it gets one.</summary>
public sealed class HeldChannelTests
{
    private static HeldChannel Held() => new("1795289013.0", "PJSIP/6001-00000001", "PJSIP/6001", "**1210", Guid.NewGuid(), DateTimeOffset.UtcNow.AddSeconds(2));

    [Test]
    public void A_command_counted_twice_counts_once_so_the_success_waits_for_the_other_commands()
    {
        var held = Held();
        var first = Guid.NewGuid();

        Assert.That(held.CountStep(first, succeeded: true, steps: 2), Is.EqualTo(StepTally.Waiting));
        Assert.That(held.CountStep(first, succeeded: true, steps: 2), Is.EqualTo(StepTally.Waiting), "the same command again");
        Assert.That(held.CountStep(Guid.NewGuid(), succeeded: true, steps: 2), Is.EqualTo(StepTally.AllSucceeded));
    }

    [Test]
    public void The_first_failure_answers_and_nothing_after_it_answers_again()
    {
        var held = Held();

        Assert.That(held.CountStep(Guid.NewGuid(), succeeded: false, steps: 2), Is.EqualTo(StepTally.Failed));
        Assert.That(held.CountStep(Guid.NewGuid(), succeeded: false, steps: 2), Is.EqualTo(StepTally.Waiting));
        Assert.That(held.CountStep(Guid.NewGuid(), succeeded: true, steps: 2), Is.EqualTo(StepTally.Waiting));
    }
}
