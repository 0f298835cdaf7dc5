using ContactCenter.Agents.Api;

namespace ContactCenter.Agents.Tests.Api;

[TestFixture]
public sealed class AdminRulesTests
{
    [TestCase("PJSIP/6001")]
    [TestCase("SIP/trunk-1")]
    [TestCase("Local/6001@agents/n")]
    [TestCase("IAX2/peer")]
    public void An_interface_as_Asterisk_names_a_queue_member_is_accepted(string value) =>
        Assert.That(AdminRules.Interface(value), Is.Null);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("6001")]
    [TestCase("/6001")]
    [TestCase("PJSIP/")]
    [TestCase("PJ SIP/6001")]
    [TestCase("PJSIP/60 01")]
    [TestCase("1PJSIP/6001")]
    [TestCase("PJ-SIP/6001")]
    public void An_interface_that_is_not_TECH_slash_resource_is_refused(string? value) =>
        Assert.That(AdminRules.Interface(value), Does.Contain("TECH/resource"));

    [Test]
    public void An_interface_over_100_characters_is_refused() =>
        Assert.That(AdminRules.Interface("PJSIP/" + new string('1', 95)), Is.Not.Null);

    [TestCase("1", true)]
    [TestCase("1234567890", true)]
    [TestCase("12345678901", false)]
    [TestCase("", false)]
    [TestCase("12a", false)]
    [TestCase("+12", false)]
    [TestCase("١٢", false)]
    public void An_agent_number_is_what_star_star_1_can_dial(string value, bool valid) =>
        Assert.That(AdminRules.AgentNumber(value) is null, Is.EqualTo(valid));

    [TestCase("1", true)]
    [TestCase("9999", true)]
    [TestCase("12345", false)]
    [TestCase("", false)]
    public void A_pause_code_is_what_star_star_2_can_dial(string value, bool valid) =>
        Assert.That(AdminRules.PauseCode(value) is null, Is.EqualTo(valid));

    [TestCase(null, true)]
    [TestCase("", true)]
    [TestCase("1234", true)]
    [TestCase("1234567890", true)]
    [TestCase("123", false)]
    [TestCase("12345678901", false)]
    [TestCase("12 4", false)]
    public void A_PIN_is_absent_empty_or_4_to_10_digits(string? value, bool valid) =>
        Assert.That(AdminRules.Pin(value) is null, Is.EqualTo(valid));

    [TestCase(0, 0, 3600, true)]
    [TestCase(3600, 0, 3600, true)]
    [TestCase(3601, 0, 3600, false)]
    [TestCase(-1, 0, 3600, false)]
    public void A_number_is_accepted_within_its_bounds_only(int value, int min, int max, bool valid) =>
        Assert.That(AdminRules.Range(value, min, max, required: true) is null, Is.EqualTo(valid));

    [Test]
    public void A_missing_number_is_refused_only_when_required()
    {
        Assert.That(AdminRules.Range(null, 0, 1000, required: false), Is.Null);
        Assert.That(AdminRules.Range(null, 0, 1000, required: true), Does.StartWith("is required"));
    }
}
