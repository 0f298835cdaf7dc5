using System.Text;
using ContactCenter.Asterisk.Ami;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Asterisk.Tests.Ami;

[TestFixture]
[CancelAfter(30_000)]
public sealed partial class AmiClientTests
{
    private ScriptedAmiServer _server = null!;
    private CapturingLoggerProvider _logs = null!;
    private ILoggerFactory _loggerFactory = null!;

    [SetUp]
    public void SetUp()
    {
        _server = new ScriptedAmiServer();
        _logs = new CapturingLoggerProvider();
        _loggerFactory = _logs.CreateFactory();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _server.DisposeAsync();
        _loggerFactory.Dispose();
    }

    private AmiClient NewClient(AmiClientOptions? options = null)
    {
        var client = new AmiClient(options ?? _server.ClientOptions(), _loggerFactory.CreateLogger<AmiClient>());
        client.Start();
        return client;
    }

    private static async Task<AmiStreamItem> NextAsync(AmiClient client, CancellationToken ct, Func<AmiStreamItem, bool>? match = null)
    {
        while (true)
        {
            var item = await client.Events.ReadAsync(ct);
            if (match is null || match(item))
            {
                return item;
            }
        }
    }

    [Test]
    public async Task Login_announces_Connected_before_the_first_event_of_the_session(CancellationToken ct)
    {
        await using var client = NewClient();

        var first = await NextAsync(client, ct);
        var second = await NextAsync(client, ct);

        Assert.That(first.Kind, Is.EqualTo(AmiStreamItemKind.Connected));
        Assert.That(first.Detail, Is.EqualTo("Asterisk Call Manager/11.0.0"));
        Assert.That(second.Kind, Is.EqualTo(AmiStreamItemKind.Event));
        Assert.That(second.Frame!.EventNameString, Is.EqualTo("FullyBooted"));
        Assert.That(client.State, Is.EqualTo(AmiConnectionState.Connected));
        var login = _server.LastSession.Actions.First();
        Assert.That(login["Action"], Is.EqualTo("Login"));
        Assert.That(login["Events"], Is.EqualTo("on"));
    }

    [Test]
    public async Task A_wrong_secret_is_refused_and_logged_and_the_client_keeps_retrying_without_connecting(CancellationToken ct)
    {
        await using var client = NewClient(_server.ClientOptions(secret: "wrongsecret"));

        while (_server.Sessions.Count < 3)
        {
            await Task.Delay(20, ct);
        }

        Assert.That(client.State, Is.Not.EqualTo(AmiConnectionState.Connected));
        Assert.That(client.Events.TryRead(out _), Is.False, "no Connected notice for a refused login");
        Assert.That(_logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("refused: Authentication failed", StringComparison.Ordinal)));
        var error = Assert.ThrowsAsync<AmiConnectionException>(() => client.SendActionAsync(new AmiAction("Ping"), ct));
        Assert.That(error!.Message, Does.Contain("not connected"));
    }

    [Test]
    public async Task Challenge_login_sends_the_MD5_key_and_never_the_secret(CancellationToken ct)
    {
        var options = _server.ClientOptions();
        options.UseMd5Challenge = true;
        await using var client = NewClient(options);

        await client.WaitUntilConnectedAsync(ct);

        var actions = _server.LastSession.Actions.ToList();
        Assert.That(actions[0]["Action"], Is.EqualTo("Challenge"));
        Assert.That(actions[0]["AuthType"], Is.EqualTo("MD5"));
        Assert.That(actions[1]["Action"], Is.EqualTo("Login"));
        Assert.That(actions[1]["Key"], Has.Length.EqualTo(32));
        Assert.That(actions[1]["Secret"], Is.Null);
    }

    [Test]
    public async Task Permission_denied_surfaces_as_an_action_error_that_says_the_session_is_not_logged_in(CancellationToken ct)
    {
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "QueueStatus")
            {
                return false;
            }
            await session.SendAsync($"Response: Error\r\nActionID: {action.ActionId}\r\nMessage: Permission denied\r\n\r\n");
            return true;
        };
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var error = Assert.ThrowsAsync<AmiActionException>(() => client.SendActionAsync(new AmiAction("QueueStatus"), ct));

        Assert.That(error!.Action, Is.EqualTo("QueueStatus"));
        Assert.That(error.AsteriskMessage, Is.EqualTo("Permission denied"));
        Assert.That(error.Message, Does.Contain("not logged in"));
        Assert.That(error.ActionId, Is.Not.Empty);
    }

    [Test]
    public async Task The_secret_never_appears_in_any_log_line(CancellationToken ct)
    {
        var options = _server.ClientOptions();
        await using (var client = NewClient(options))
        {
            await client.WaitUntilConnectedAsync(ct);
            await client.SendActionAsync(new AmiAction("Ping"), ct);
        }
        await using (var refused = NewClient(_server.ClientOptions(secret: "wrong-secret-XYZ")))
        {
            while (!_logs.Entries.Any(e => e.Message.Contains("refused", StringComparison.Ordinal)))
            {
                await Task.Delay(10, ct);
            }
        }

        Assert.That(_logs.Entries.Any(e => e.Message.Contains("Action: Login", StringComparison.Ordinal)), "actions are logged at debug");
        Assert.That(_logs.Entries.Where(e => e.Message.Contains(ScriptedAmiServer.Secret, StringComparison.Ordinal)), Is.Empty);
        Assert.That(_logs.Entries.Where(e => e.Message.Contains("wrong-secret-XYZ", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task Stopping_the_client_logs_off(CancellationToken ct)
    {
        var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        await client.DisposeAsync();

        Assert.That(_server.LastSession.Actions.Last()["Action"], Is.EqualTo("Logoff"));
        Assert.That(client.State, Is.EqualTo(AmiConnectionState.Stopped));
    }

    private static string TraceFrames(string trace, string actionId)
    {
        var frames = FrameFeeder.ReadAll(NaiveAmiOracle.WithoutBanner(TraceFiles.ReadBytes(trace)))
            .Select(f => f.Frame).Where(f => f.ActionId == actionId);
        return string.Concat(frames.Select(f => f.ToString()));
    }
}
