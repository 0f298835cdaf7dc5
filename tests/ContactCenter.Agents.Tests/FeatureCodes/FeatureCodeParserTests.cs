using ContactCenter.Agents.FeatureCodes;

namespace ContactCenter.Agents.Tests.FeatureCodes;

[TestFixture]
internal sealed class FeatureCodeParserTests
{
    [TestCase("**1210", FeatureCodeAction.Login, "210")]
    [TestCase("**213", FeatureCodeAction.Pause, "13")]
    [TestCase("**21", FeatureCodeAction.Pause, "1")]
    [TestCase("**3", FeatureCodeAction.Unpause, "")]
    [TestCase("**0", FeatureCodeAction.Logout, "")]
    [TestCase("**91210", FeatureCodeAction.Login, "210")]
    [TestCase("**93", FeatureCodeAction.Unpause, "")]
    public void Valid_codes_from_the_traces_and_the_dialplan_are_understood(string dialled, FeatureCodeAction action, string argument)
    {
        var request = FeatureCodeParser.Parse(dialled);

        Assert.That((request.Action, request.Argument, request.Problem), Is.EqualTo((action, argument, (string?)null)));
    }

    [TestCase("**1", "no agent number")]
    [TestCase("**2", "no pause code")]
    [TestCase("**1abc", "characters other than digits")]
    [TestCase("**12a0", "characters other than digits")]
    [TestCase("**112345678901", "longer than 10 digits")]
    [TestCase("**212345", "longer than 4 digits")]
    [TestCase("**35", "takes no digits")]
    [TestCase("**01", "takes no digits")]
    [TestCase("**7", "unknown action")]
    [TestCase("**", "no action digit")]
    [TestCase("6001", "does not start with")]
    public void Malformed_codes_are_refused_with_a_reason_a_supervisor_can_read(string dialled, string problem)
    {
        var request = FeatureCodeParser.Parse(dialled);

        Assert.That(request.Action, Is.EqualTo(FeatureCodeAction.Malformed));
        Assert.That(request.Problem, Does.Contain(problem));
    }
}
