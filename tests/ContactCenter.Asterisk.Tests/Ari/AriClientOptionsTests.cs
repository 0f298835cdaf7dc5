using ContactCenter.Asterisk.Ari;
using Microsoft.Extensions.Options;

namespace ContactCenter.Asterisk.Tests.Ari;

/// <summary>Pure unit tests of the options validation.</summary>
[TestFixture]
public sealed class AriClientOptionsTests
{
    private static AriClientOptions Valid() => new() { Username = "cc", Password = "ccsecret" };

    [Test]
    public void Defaults_with_credentials_are_valid() =>
        Assert.That(() => Valid().Validate(), Throws.Nothing);

    [Test]
    public void Defaults_match_the_documented_values()
    {
        var options = new AriClientOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.Application, Is.EqualTo("contactcenter"));
            Assert.That(options.RequestTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(options.ReconnectInitialDelay, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
            Assert.That(options.ReconnectMaxDelay, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.EventBufferCapacity, Is.EqualTo(10_000));
            Assert.That(options.KeepAliveInterval, Is.EqualTo(TimeSpan.FromSeconds(15)));
        });
    }

    private static IEnumerable<TestCaseData> BadSettings()
    {
        yield return new TestCaseData((Action<AriClientOptions>)(o => o.BaseUrl = new Uri("ftp://asterisk/ari/")), "Asterisk:Ari:BaseUrl").SetArgDisplayNames("ftp url");
        yield return new TestCaseData((Action<AriClientOptions>)(o => o.BaseUrl = new Uri("/ari/", UriKind.Relative)), "Asterisk:Ari:BaseUrl").SetArgDisplayNames("relative url");
        yield return new TestCaseData((Action<AriClientOptions>)(o => o.BaseUrl = new Uri("http://127.0.0.1:8088/ari/?api_key=x")), "Asterisk:Ari:BaseUrl").SetArgDisplayNames("query");
        yield return new TestCaseData((Action<AriClientOptions>)(o => o.Username = ""), "Asterisk:Ari:Username").SetArgDisplayNames("no user");
        yield return new TestCaseData((Action<AriClientOptions>)(o => o.Password = ""), "Asterisk:Ari:Password").SetArgDisplayNames("no password");
        yield return new TestCaseData((Action<AriClientOptions>)(o => o.Application = "contact center"), "Asterisk:Ari:Application").SetArgDisplayNames("app with space");
        yield return new TestCaseData((Action<AriClientOptions>)(o => o.RequestTimeout = TimeSpan.Zero), "Asterisk:Ari:RequestTimeout").SetArgDisplayNames("zero timeout");
        yield return new TestCaseData((Action<AriClientOptions>)(o => o.ReconnectInitialDelay = TimeSpan.Zero), "Asterisk:Ari:ReconnectInitialDelay").SetArgDisplayNames("zero delay");
        yield return new TestCaseData((Action<AriClientOptions>)(o => o.ReconnectMaxDelay = TimeSpan.FromMilliseconds(1)), "Asterisk:Ari:ReconnectMaxDelay").SetArgDisplayNames("max below initial");
        yield return new TestCaseData((Action<AriClientOptions>)(o => o.EventBufferCapacity = 0), "Asterisk:Ari:EventBufferCapacity").SetArgDisplayNames("no buffer");
        yield return new TestCaseData((Action<AriClientOptions>)(o => o.KeepAliveInterval = TimeSpan.FromSeconds(-1)), "Asterisk:Ari:KeepAliveInterval").SetArgDisplayNames("negative keep-alive");
    }

    [TestCaseSource(nameof(BadSettings))]
    public void A_bad_setting_is_refused_with_a_message_naming_its_key(Action<AriClientOptions> spoil, string key)
    {
        var options = Valid();
        spoil(options);

        var ex = Assert.Throws<OptionsValidationException>(() => options.Validate());

        Assert.That(ex!.Message, Does.Contain(key));
    }

    [Test]
    public void A_base_url_with_credentials_is_refused_without_echoing_them()
    {
        var options = Valid();
        options.BaseUrl = new Uri("http://cc:topsecret@127.0.0.1:8088/ari/");

        var ex = Assert.Throws<OptionsValidationException>(() => options.Validate());

        Assert.That(ex!.Message, Does.Contain("Asterisk:Ari:BaseUrl").And.Not.Contain("topsecret"));
    }

    [Test]
    public void The_password_never_appears_in_ToString()
    {
        var options = Valid();
        options.Password = "topsecret";

        Assert.That(options.ToString(), Does.Not.Contain("topsecret").And.Contain("Username=cc"));
    }

    [Test]
    public void Clients_refuse_invalid_options_at_construction()
    {
        var options = new AriClientOptions();

        Assert.Multiple(() =>
        {
            Assert.That(() => new AriClient(options), Throws.TypeOf<OptionsValidationException>());
            Assert.That(() => new AriEventStream(options), Throws.TypeOf<OptionsValidationException>());
        });
    }

    [Test]
    public async Task The_events_url_follows_the_base_url_scheme_and_lacks_a_trailing_slash_problem()
    {
        var options = Valid();
        options.BaseUrl = new Uri("https://pbx.example.com/ari");
        await using var stream = new AriEventStream(options);

        Assert.That(stream.EventsUrl, Is.EqualTo(new Uri("wss://pbx.example.com/ari/events?app=contactcenter")));
    }
}
