using ContactCenter.PbxSimulator.Dialplan;

namespace ContactCenter.PbxSimulator.Tests.Config;

[TestFixture]
public sealed class DialplanParserTests
{
    private static DialplanModel Product()
    {
        using var stream = typeof(PbxSimulator).Assembly.GetManifestResourceStream("asterisk-config/extensions.conf")!;
        using var reader = new StreamReader(stream);
        return DialplanParser.Parse(reader.ReadToEnd(), "asterisk-config/extensions.conf");
    }

    [TestCase("agents", "**1210")]
    [TestCase("agents", "**1")]
    [TestCase("agents", "**1abc")]
    [TestCase("agents", "**213")]
    [TestCase("agents", "**3")]
    [TestCase("agents", "**0")]
    [TestCase("agents", "**91210")]
    [TestCase("agents", "6002")]
    [TestCase("agents", "7000")]
    [TestCase("agents", "+5491145550000")]
    [TestCase("from-trunk", "7001")]
    [TestCase("cc-originate", "agent")]
    public void The_product_dialplan_routes_every_number_the_product_relies_on(string context, string exten)
    {
        var step = Product().Find(context, exten, 1);

        Assert.That(step, Is.Not.Null, $"{exten}@{context}");
        Assert.That(step!.Source, Does.EndWith("extensions.conf"));
    }

    [Test]
    public void Feature_codes_reach_Stasis_at_priority_2_and_hang_up_at_3()
    {
        var dialplan = Product();

        Assert.That(dialplan.Find("agents", "**1210", 2)!.App, Is.EqualTo("Stasis"));
        Assert.That(dialplan.Find("agents", "**1210", 2)!.RawArgs, Is.EqualTo("contactcenter"));
        Assert.That(dialplan.Find("agents", "**1210", 3)!.App, Is.EqualTo("Hangup"));
        Assert.That(dialplan.Find("agents", "**1210", 4), Is.Null);
    }

    [Test]
    public void Numbers_the_dialplan_does_not_route_are_not_found()
    {
        var dialplan = Product();

        Assert.That(dialplan.Exists("agents", "999"), Is.False);
        Assert.That(dialplan.Exists("from-trunk", "6001"), Is.False, "the trunk must not reach agent phones directly");
        Assert.That(dialplan.Exists("agents", "600"), Is.False, "_6XXX needs four digits");
    }

    [Test]
    public void Globals_are_read_from_the_globals_section()
    {
        Assert.That(Product().Globals["CC_TRUNK"], Is.EqualTo("trunk"));
    }

    [Test]
    public void An_exact_extension_wins_over_a_pattern_that_also_matches()
    {
        var dialplan = DialplanParser.Parse("""
            [ctx]
            exten => _X.,1,NoOp(pattern)
            exten => 123,1,NoOp(exact)
            exten => _1XX,1,NoOp(narrower)
            """, "test.conf");

        Assert.That(dialplan.Find("ctx", "123", 1)!.RawArgs, Is.EqualTo("exact"));
        Assert.That(dialplan.Find("ctx", "124", 1)!.RawArgs, Is.EqualTo("narrower"));
        Assert.That(dialplan.Find("ctx", "98", 1)!.RawArgs, Is.EqualTo("pattern"));
        Assert.That(dialplan.Find("ctx", "9", 1), Is.Null, "'.' needs at least one more character");
    }

    [Test]
    public void An_application_the_simulator_does_not_implement_is_a_load_error_naming_file_and_line()
    {
        var ex = Assert.Throws<PbxConfigException>(() => DialplanParser.Parse("""
            [ctx]
            exten => 1,1,NoOp()
             same => n,AGI(script.agi)
            """, "site.conf"));

        Assert.That(ex!.Message, Does.StartWith("site.conf:3:"));
        Assert.That(ex.Message, Does.Contain("AGI"));
    }

    [Test]
    public void A_dialplan_function_the_simulator_does_not_implement_is_a_load_error()
    {
        var ex = Assert.Throws<PbxConfigException>(() => DialplanParser.Parse("[ctx]\nexten => 1,1,NoOp(${DB(cc/x)})\n", "site.conf"));

        Assert.That(ex!.Message, Does.Contain("DB()"));
    }

    [Test]
    public void Including_a_context_that_does_not_exist_is_a_load_error()
    {
        Assert.Throws<PbxConfigException>(() => DialplanParser.Parse("[a]\ninclude => nowhere\n", "site.conf"));
    }

    [Test]
    public void Same_before_any_exten_is_a_load_error()
    {
        Assert.Throws<PbxConfigException>(() => DialplanParser.Parse("[a]\n same => n,NoOp()\n", "site.conf"));
    }

    [TestCase("_X.", "1", false)]
    [TestCase("_X.", "12", true)]
    [TestCase("_X.", "", false)]
    [TestCase("_**1.", "**1", false)]
    [TestCase("_**1.", "**12", true)]
    [TestCase("_**91X.", "**9121", true)]
    [TestCase("_**91X.", "**912", false)]
    [TestCase("_6XXX", "6001", true)]
    [TestCase("_6XXX", "60012", false)]
    [TestCase("_+X.", "+5491145550000", true)]
    [TestCase("_+X.", "5491145550000", false)]
    [TestCase("_[1-3]Z", "21", true)]
    [TestCase("_[1-3]Z", "40", false)]
    [TestCase("_N!", "2", true)]
    [TestCase("**3", "**3", true)]
    [TestCase("**3", "**30", false)]
    public void Extension_patterns_match_as_in_Asterisk(string pattern, string exten, bool matches) =>
        Assert.That(ExtensionPattern.Parse(pattern).Matches(exten), Is.EqualTo(matches));

    [Test]
    public void Variables_and_functions_expand_innermost_first()
    {
        var vars = new Dictionary<string, string> { ["EXTEN"] = "**1210", ["X"] = "EXTEN", ["NUM"] = "6001" };
        string Expand(string text) => VariableExpander.Expand(text, n => vars.GetValueOrDefault(n), (f, a) => f == "CALLERID" && a == "num" ? "6001" : "?");

        Assert.That(Expand("Code: ${EXTEN}"), Is.EqualTo("Code: **1210"));
        Assert.That(Expand("${${X}}"), Is.EqualTo("**1210"));
        Assert.That(Expand("${EXTEN:3}"), Is.EqualTo("210"));
        Assert.That(Expand("${EXTEN:1:2}"), Is.EqualTo("*1"));
        Assert.That(Expand("PJSIP/${CALLERID(num)}"), Is.EqualTo("PJSIP/6001"));
        Assert.That(Expand("${UNSET}x"), Is.EqualTo("x"));
    }

    [Test]
    public void Application_arguments_split_on_commas_outside_parentheses_and_quotes() =>
        Assert.That(VariableExpander.SplitArgs("AgentFeatureCode,Code: 1,\"a,b\",F(x,y)"), Is.EqualTo(new[] { "AgentFeatureCode", "Code: 1", "a,b", "F(x,y)" }));
}
