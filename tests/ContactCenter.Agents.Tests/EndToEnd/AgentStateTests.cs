using System.Net;
using System.Net.Http.Json;
using ContactCenter.Agents.Api;
using ContactCenter.Asterisk.Ami;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Asterisk;
using ContactCenter.PbxSimulator;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Agents.Tests.EndToEnd;

/// <summary>
/// Agent state beyond single feature codes: calls moving the state, reconciliation with Asterisk after a
/// resync, a deadline the consumers miss, and the web API doing what the phone does.
/// </summary>
[TestFixture]
[NonParallelizable]
[CancelAfter(120_000)]
public sealed class AgentStateTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private AgentsSystem _system = null!;

    [TearDown]
    public async Task TearDown()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }

    private async Task LoginByPhoneAsync(string phone = "6001", string agent = "210")
    {
        var call = _system.Sim.Phone(phone).Dial($"**1{agent}");
        await _system.Sim.WaitUntilAsync(() => call.IsGone, CancellationToken.None);
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentLoggedIn>().Any(l => l.AgentNumber == agent), Wait, "AgentLoggedIn");
    }

    private Task<string> StateAsync(string agent) =>
        // An agent never logged in has no status row yet.
        _system.QueryAsync<string>("SELECT COALESCE((SELECT state FROM agent_status WHERE agent_number = @A), 'logged-out')", new { A = agent });

    private Task<string> SettledStateAsync(string agent, string expected) =>
        _system.EventuallyAsync(() => StateAsync(agent), state => state == expected);

    [Test]
    public async Task The_agents_state_follows_a_queue_call_ringing_on_call_wrap_up_then_available()
    {
        // Real time: the phone rings for the queue's 15 s unless answered, instead of timing out at once.
        _system = await AgentsSystem.StartAsync(simulator: o => o.Clock = SimClockMode.RealTime);
        await LoginByPhoneAsync();
        await SettledStateAsync("210", AgentState.Available);
        var phone = _system.Sim.Phone("6001");

        var call = _system.Sim.Customer("+5491145550000").Call("7000");
        await phone.WaitUntilRingingAsync(CancellationToken.None);
        Assert.That(await SettledStateAsync("210", AgentState.Ringing), Is.EqualTo(AgentState.Ringing));
        phone.Answer();
        Assert.That(await SettledStateAsync("210", AgentState.OnCall), Is.EqualTo(AgentState.OnCall));
        call.HangUp();
        // Support has 1 s of wrap-up in the test directory: watched in the event stream, since polling the state
        // could miss a one-second window on a loaded machine.
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentStateChanged>().Any(s => s.AgentNumber == "210" && s.State == AgentState.WrapUp), Wait, "wrap-up after the call");
        // The status read says available as soon as wrap-up is over; the event follows on the timer's next tick.
        Assert.That(await SettledStateAsync("210", AgentState.Available), Is.EqualTo(AgentState.Available));
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentStateChanged>().Any(s => s.AgentNumber == "210" && s.PreviousState == AgentState.WrapUp), Wait,
            "the end of wrap-up");

        var changes = _system.Events.Of<AgentStateChanged>().Where(s => s.AgentNumber == "210").ToList();
        Assert.That(changes.Select(s => s.State), Is.SupersetOf(new[] { AgentState.Ringing, AgentState.OnCall, AgentState.WrapUp }));
        var wrapUp = changes.Single(s => s.State == AgentState.WrapUp);
        Assert.That(wrapUp.Linkedid, Is.EqualTo(call.Linkedid), "wrap-up names the call it follows");
        var after = changes.First(s => s.PreviousState == AgentState.WrapUp);
        Assert.That(after.State, Is.EqualTo(AgentState.Available));
        Assert.That(after.OccurredAt - wrapUp.OccurredAt, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95)), "available once the queue's 1 s of wrap-up is over");
        Assert.That(changes.Where(s => s.State is AgentState.Ringing or AgentState.Available).Select(s => s.Linkedid), Is.All.Null);

        // The next call rings: it does not name the previous one.
        _system.Sim.Customer("+5491145550001").Call("7000");
        await phone.WaitUntilRingingAsync(CancellationToken.None);
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentStateChanged>().Count(s => s.AgentNumber == "210" && s.State == AgentState.Ringing) == 2, Wait, "the second ringing");
        Assert.That(_system.Events.Of<AgentStateChanged>().Last(s => s.AgentNumber == "210" && s.State == AgentState.Ringing).Linkedid, Is.Null);
        var calls = await _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_call WHERE agent_number = '210' AND linkedid = @L", new { L = call.Linkedid });
        Assert.That(calls, Is.EqualTo(1), "the answered call counts for the agent's statistics");
    }

    [Test]
    public async Task After_an_Asterisk_restart_the_agent_is_restored_to_every_queue_with_the_pause_reason()
    {
        _system = await AgentsSystem.StartAsync();
        await LoginByPhoneAsync();
        var pause = _system.Sim.Phone("6001").Dial("**213");
        await _system.Sim.WaitUntilAsync(() => pause.IsGone, CancellationToken.None);
        await SettledStateAsync("210", AgentState.Paused);

        await _system.Sim.RestartAsync();
        await _system.Events.WaitUntilAsync(e => e.OfType<AsteriskResynchronized>().Any(r => r.AsteriskRestarted), Wait, "the resync after the restart");
        await _system.Sim.WaitUntilAsync(() => _system.Sim.QueueMembers("support").Count == 1 && _system.Sim.QueueMembers("sales").Count == 1, CancellationToken.None);

        var restored = _system.Sim.QueueMembers("support").Concat(_system.Sim.QueueMembers("sales")).ToList();
        Assert.That(restored.Select(m => (m.Interface, m.Paused, m.PausedReason)), Is.All.EqualTo(("PJSIP/6001", true, "13")));
        Assert.That(await StateAsync("210"), Is.EqualTo(AgentState.Paused), "nobody's decision changed: the agent is still paused in SQL");
    }

    [Test]
    public async Task An_agent_removed_in_Asterisk_while_the_connector_was_away_is_logged_out_as_reconcile()
    {
        _system = await AgentsSystem.StartAsync(new Dictionary<string, string?>
        {
            // Slow reconnect: the removal happens while the connector is away.
            ["Asterisk:Servers:0:Ami:ReconnectInitialDelay"] = "00:00:02",
            ["Asterisk:Servers:0:Ami:ReconnectMaxDelay"] = "00:00:03",
        });
        await LoginByPhoneAsync();
        var resyncs = _system.Events.Of<AsteriskResynchronized>().Count;

        _system.Sim.Faults.DropAmiConnections();
        await using (var ops = OpsClient())
        {
            ops.Start();
            await ops.WaitUntilConnectedAsync(CancellationToken.None);
            await ops.SendActionAsync(new AmiAction("QueueRemove").Add("Queue", "sales").Add("Interface", "PJSIP/6001"));
            await ops.SendActionAsync(new AmiAction("QueueRemove").Add("Queue", "support").Add("Interface", "PJSIP/6001"));
        }
        await _system.Events.WaitUntilAsync(e => e.OfType<AsteriskResynchronized>().Count() > resyncs, Wait, "the resync after the reconnect");

        Assert.That(await SettledStateAsync("210", AgentState.LoggedOut), Is.EqualTo(AgentState.LoggedOut));
        Assert.That(await _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_membership WHERE agent_number = '210'"), Is.Zero);
        var last = await _system.QueryAsync<string>(
            "SELECT state || '/' || source || '/' || reason FROM agent_state_history WHERE agent_number = '210' AND ended_at IS NULL");
        Assert.That(last, Is.EqualTo("logged-out/reconcile/absent from Asterisk after a resync"));
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentLoggedOut>().Any(o => o.Source == AgentStateSource.Reconcile), Wait, "AgentLoggedOut by reconcile");
        Assert.That(await _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_session WHERE agent_number = '210' AND logout_at IS NULL"), Is.Zero);
    }

    [Test]
    public async Task An_agent_added_in_Asterisk_while_the_connector_was_away_is_logged_in_as_reconcile()
    {
        _system = await AgentsSystem.StartAsync(new Dictionary<string, string?>
        {
            ["Asterisk:Servers:0:Ami:ReconnectInitialDelay"] = "00:00:02",
            ["Asterisk:Servers:0:Ami:ReconnectMaxDelay"] = "00:00:03",
        });
        var resyncs = _system.Events.Of<AsteriskResynchronized>().Count;

        _system.Sim.Faults.DropAmiConnections();
        await using (var ops = OpsClient())
        {
            ops.Start();
            await ops.WaitUntilConnectedAsync(CancellationToken.None);
            await ops.SendActionAsync(new AmiAction("QueueAdd").Add("Queue", "support").Add("Interface", "PJSIP/6002").Add("MemberName", "211"));
        }
        await _system.Events.WaitUntilAsync(e => e.OfType<AsteriskResynchronized>().Count() > resyncs, Wait, "the resync after the reconnect");

        Assert.That(await SettledStateAsync("211", AgentState.Available), Is.EqualTo(AgentState.Available));
        Assert.That(await _system.QueryAsync<string>("SELECT queue || '@' || interface FROM agent_membership WHERE agent_number = '211'"), Is.EqualTo("support@PJSIP/6002"));
        var last = await _system.QueryAsync<string>("SELECT state || '/' || source FROM agent_state_history WHERE agent_number = '211' AND ended_at IS NULL");
        Assert.That(last, Is.EqualTo("available/reconcile"));
    }

    [Test]
    public async Task A_login_Asterisk_refuses_in_one_queue_plays_the_failure_prompt_and_undoes_the_other_queues()
    {
        _system = await AgentsSystem.StartAsync();
        // The directory links agent 211 to a queue this Asterisk does not have: QueueAdd answers "No such queue".
        await _system.Database.InTransactionAsync(async (c, tx, ct) =>
        {
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO queue (server, name, display_name, wrapup_seconds) VALUES (@S, 'ghost', 'Ghost', 0)",
                new { S = AgentsSystem.Server }, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO agent_queue (agent_number, server, queue, penalty) VALUES ('211', @S, 'ghost', 0)",
                new { S = AgentsSystem.Server }, tx, cancellationToken: ct));
        }, CancellationToken.None);

        var call = _system.Sim.Phone("6002").Dial("**1211");
        await _system.Sim.WaitUntilAsync(() => call.IsGone, CancellationToken.None);
        await _system.Events.WaitUntilAsync(e => e.OfType<FeatureCodeRefused>().Any(), Wait, "FeatureCodeRefused");

        var refused = _system.Events.Of<FeatureCodeRefused>().Single();
        Assert.That(refused.Reason, Is.EqualTo(FeatureCodeRefusalReason.AsteriskFailed));
        Assert.That(refused.Detail, Does.Contain("ghost").And.Contain("No such queue"));
        Assert.That(_system.Sim.Playbacks(call.ChannelId!).Select(p => p.MediaUri), Is.EqualTo(new[] { "sound:an-error-has-occurred" }));
        await _system.Sim.WaitUntilAsync(() => _system.Sim.QueueMembers("support").Count == 0, CancellationToken.None);
        Assert.That(await _system.EventuallyAsync(() => _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_membership"), n => n == 0), Is.Zero);
        Assert.That(await SettledStateAsync("211", AgentState.LoggedOut), Is.EqualTo(AgentState.LoggedOut));
        Assert.That(_system.Events.Of<AgentLoggedIn>(), Is.Empty);
    }

    private AmiClient OpsClient() =>
        new(new AmiClientOptions { Port = _system.Sim.AmiPort, Username = _system.Sim.Options.Username, Secret = _system.Sim.Options.Secret }, NullLogger<AmiClient>.Instance);

    [Test]
    public async Task A_feature_code_the_consumers_cannot_answer_in_time_hears_try_later_and_leaves_nothing_half_done()
    {
        // A deadline no consumer can meet: the login is started, then undone.
        _system = await AgentsSystem.StartAsync(new Dictionary<string, string?> { ["Connector:FeatureCodeAnswerTimeout"] = "00:00:00.001" });

        var call = _system.Sim.Phone("6001").Dial("**1210");
        await _system.Sim.WaitUntilAsync(() => call.IsGone, CancellationToken.None);
        await _system.Events.WaitUntilAsync(e => e.OfType<FeatureCodeRefused>().Any(r => r.Reason == FeatureCodeRefusalReason.TimedOut), Wait, "the undo");

        Assert.That(_system.Sim.Playbacks(call.ChannelId!).Select(p => p.MediaUri), Does.Contain("sound:please-try-again"));
        await _system.Sim.WaitUntilAsync(() => _system.Sim.QueueMembers("support").Count == 0 && _system.Sim.QueueMembers("sales").Count == 0, CancellationToken.None);
        var memberships = await _system.EventuallyAsync(() => _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_membership"), n => n == 0);
        Assert.That(memberships, Is.Zero);
        Assert.That(await SettledStateAsync("210", AgentState.LoggedOut), Is.EqualTo(AgentState.LoggedOut));
        Assert.That(await _system.QueryAsync<string>("SELECT status FROM agent_operation"), Is.EqualTo("timed-out"));
    }

    [Test]
    public async Task The_web_API_logs_in_to_a_subset_of_queues_pauses_and_reports_the_status()
    {
        _system = await AgentsSystem.StartAsync();

        var login = await _system.SendAsync(HttpMethod.Post, "/api/agents/210/login", AgentsSystem.Agent210Key, """{"extension":"PJSIP/6002","queues":["support"]}""");
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), await login.Content.ReadAsStringAsync());
        var loggedIn = await login.Content.ReadFromJsonAsync<OperationResponse>();
        Assert.That((loggedIn!.Agent!.State, loggedIn.Agent.Queues, loggedIn.Agent.Extension), Is.EqualTo((AgentState.Available, "1/2", "PJSIP/6002")));
        Assert.That(_system.Sim.QueueMembers("support").Single().Interface, Is.EqualTo("PJSIP/6002"));
        Assert.That(_system.Sim.QueueMembers("sales"), Is.Empty);

        var pause = await _system.SendAsync(HttpMethod.Post, "/api/agents/210/pause", AgentsSystem.SupervisorKey, """{"code":"1"}""");
        Assert.That(pause.StatusCode, Is.EqualTo(HttpStatusCode.OK), await pause.Content.ReadAsStringAsync());
        var status = await (await _system.SendAsync(HttpMethod.Get, "/api/agents/210/status", AgentsSystem.Agent210Key)).Content.ReadFromJsonAsync<AgentStatusResponse>();
        Assert.That((status!.State, status.PauseCode, status.PauseName), Is.EqualTo((AgentState.Paused, "1", "Break")));
        // The answer reads the committed state; the event goes out through the outbox a moment later.
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentPaused>().Any(), TimeSpan.FromSeconds(20), "AgentPaused");
        Assert.That(_system.Events.Of<AgentPaused>().Single().Source, Is.EqualTo(AgentStateSource.Supervisor));
        var history = await _system.QueryListAsync<string>("SELECT source FROM agent_state_history WHERE agent_number = '210' ORDER BY started_at");
        Assert.That(history, Is.EqualTo(new[] { AgentStateSource.Web, AgentStateSource.Supervisor }));
    }

    [TestCase("""{"extension":""}""", "extension", TestName = "Web_login_without_an_extension_is_400_naming_the_field")]
    [TestCase("""{"extension":"PJSIP/9999"}""", "extension", TestName = "Web_login_at_an_unknown_extension_is_400_naming_the_field")]
    [TestCase("""{"extension":"PJSIP/6001","queues":["billing"]}""", "queues", TestName = "Web_login_to_a_queue_the_agent_is_not_linked_to_is_400")]
    public async Task Web_login_validation(string body, string field)
    {
        _system = await AgentsSystem.StartAsync();

        var response = await _system.SendAsync(HttpMethod.Post, "/api/agents/210/login", AgentsSystem.Agent210Key, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"\"{field}\""));
    }

    [Test]
    public async Task Web_actions_for_an_unknown_agent_are_404_and_pausing_a_logged_out_agent_is_409()
    {
        _system = await AgentsSystem.StartAsync();

        var unknown = await _system.SendAsync(HttpMethod.Post, "/api/agents/999/pause", AgentsSystem.SupervisorKey, """{"code":"1"}""");
        var loggedOut = await _system.SendAsync(HttpMethod.Post, "/api/agents/211/pause", AgentsSystem.SupervisorKey, """{"code":"1"}""");
        var badCode = await _system.SendAsync(HttpMethod.Post, "/api/agents/211/pause", AgentsSystem.SupervisorKey, """{"code":"x"}""");

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(loggedOut.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(badCode.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
