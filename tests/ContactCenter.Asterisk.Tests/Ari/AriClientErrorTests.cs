using System.Net;
using System.Net.Sockets;
using ContactCenter.Asterisk.Ari;

namespace ContactCenter.Asterisk.Tests.Ari;

/// <summary>Component tests: how REST failures surface, over real sockets.</summary>
[TestFixture]
public sealed class AriClientErrorTests : AriServerFixture
{
    [Test]
    public async Task Hangup_of_a_channel_that_no_longer_exists_throws_with_status_404()
    {
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var ex = Assert.ThrowsAsync<AriHttpException>(() => client.HangupAsync("1795289013.0", 16, cts.Token));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(ex.IsNotFound, Is.True);
            Assert.That(ex.AsteriskMessage, Is.EqualTo("Channel not found"));
            Assert.That(ex.Method, Is.EqualTo("DELETE"));
            Assert.That(ex.Path, Is.EqualTo("/ari/channels/1795289013.0"));
            Assert.That(ex.Message, Does.Contain("404").And.Contain("Channel not found"));
        });
        Assert.That(Server.Requests.Single().RawTarget, Is.EqualTo("/ari/channels/1795289013.0?reason_code=16"));
    }

    [Test]
    public void A_wrong_password_throws_401_naming_the_credential_settings_without_the_password()
    {
        using var client = new AriClient(Server.Options(password: "wrong-secret"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var ex = Assert.ThrowsAsync<AriHttpException>(() => client.GetAsteriskInfoAsync(cts.Token));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(ex.AsteriskMessage, Is.EqualTo("Authentication required"));
            Assert.That(ex.Message, Does.Contain("Asterisk:Ari:Username").And.Contain("Asterisk:Ari:Password"));
            Assert.That(ex.Message, Does.Not.Contain("wrong-secret"));
        });
    }

    [Test]
    public void An_error_body_that_is_not_json_is_kept_as_the_message()
    {
        Server.RestHandler = context => AriTestServer.WriteAsync(context, 500, "Internal Server Error\n", "text/plain");
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var ex = Assert.ThrowsAsync<AriHttpException>(() => client.AnswerAsync("1795289013.0", cts.Token));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(ex.AsteriskMessage, Is.EqualTo("Internal Server Error"));
        });
    }

    [Test]
    public void An_empty_error_body_gives_an_empty_message()
    {
        Server.RestHandler = context => AriTestServer.WriteAsync(context, 409, string.Empty);
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var ex = Assert.ThrowsAsync<AriHttpException>(() => client.AnswerAsync("1795289013.0", cts.Token));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(ex.AsteriskMessage, Is.Empty);
        });
    }

    [Test]
    public void A_success_body_that_is_not_the_documented_shape_throws_a_protocol_exception()
    {
        Server.RestHandler = context => AriTestServer.WriteAsync(context, 200, "<html>proxy login</html>", "text/html");
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var ex = Assert.ThrowsAsync<AriProtocolException>(() => client.GetChannelAsync("1795289013.0", cts.Token));

        Assert.That(ex!.Message, Does.Contain("GET /ari/channels/1795289013.0").And.Contain(nameof(AriChannel)));
    }

    [Test]
    public void A_refused_connection_says_asterisk_is_unreachable_at_the_url_without_the_password()
    {
        var options = Server.Options();
        options.BaseUrl = new Uri($"http://127.0.0.1:{UnusedPort()}/ari/");
        using var client = new AriClient(options);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var ex = Assert.ThrowsAsync<AriConnectionException>(() => client.GetAsteriskInfoAsync(cts.Token));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain($"Asterisk is unreachable at {options.BaseUrl}"));
            Assert.That(ex.Message, Does.Contain("GET /ari/asterisk/info"));
            Assert.That(ex.Message, Does.Not.Contain(AriTestServer.Password));
            Assert.That(ex.BaseUrl, Is.EqualTo(options.BaseUrl));
        });
    }

    [Test]
    public void No_answer_within_the_request_timeout_throws_a_timeout_exception()
    {
        Server.RestHandler = async context => await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
        var options = Server.Options();
        options.RequestTimeout = TimeSpan.FromMilliseconds(200);
        using var client = new AriClient(options);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var ex = Assert.ThrowsAsync<AriTimeoutException>(() => client.OriginateAsync(
            new AriOriginateRequest("PJSIP/6002") { App = "contactcenter" }, cts.Token));

        Assert.That(ex!.Message, Does.Contain("POST /ari/channels").And.Contain("200 ms").And.Contain("may still have executed"));
    }

    [Test]
    public void Cancelling_the_caller_token_throws_operation_cancelled_not_timeout()
    {
        Server.RestHandler = async context => await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
        using var client = new AriClient(Server.Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(() => client.AnswerAsync("1795289013.0", cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Originate_without_extension_or_app_is_refused_before_anything_is_sent()
    {
        using var client = new AriClient(Server.Options());

        Assert.That(() => client.OriginateAsync(new AriOriginateRequest("PJSIP/6002")), Throws.ArgumentException);
        Assert.That(Server.Requests, Is.Empty);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
