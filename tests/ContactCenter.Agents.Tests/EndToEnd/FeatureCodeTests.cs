using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Commands;
using ContactCenter.Contracts.Queues;
using ContactCenter.PbxSimulator;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Agents.Tests.EndToEnd;

/// <summary>
/// Feature codes dialled on a simulated SIP phone, through the connector, RabbitMQ and the agents module:
/// the queue membership in the simulator, the rows in SQLite, the prompt played and the events.
/// </summary>
[TestFixture]
[NonParallelizable]
[CancelAfter(120_000)]
public sealed class FeatureCodeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private AgentsSystem _system = null!;
    private CapturingLoggerProvider _logs = null!;

    [SetUp]
    public async Task SetUp()
    {
        _logs = new CapturingLoggerProvider();
        _system = await AgentsSystem.StartAsync(logs: _logs);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            foreach (var lease in await _system.QueryListAsync<string>("SELECT owner || ' until ' || expires_at FROM outbox_lease"))
            {
                TestContext.Out.WriteLine($"lease: {lease}");
            }
            foreach (var entry in _logs.Entries.Where(e => e.Message.Contains("outbox", StringComparison.OrdinalIgnoreCase)))
            {
                TestContext.Out.WriteLine($"log {entry.Level}: {entry.Message}");
            }
            foreach (var table in new[] { "agent_operation", "agent_operation_step", "outbox_message", "processed_message", "agent_membership" })
            {
                TestContext.Out.WriteLine($"{table}: {await _system.QueryAsync<long>($"SELECT COUNT(*) FROM {table}")} rows");
            }
        }
        await _system.DisposeAsync();
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            foreach (var entry in _logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning))
            {
                TestContext.Out.WriteLine($"{entry.Level}: {entry.Message}");
            }
        }
    }

    /// <summary>Dials a code on a phone and waits until the phone was answered and hung up.</summary>
    private async Task<IReadOnlyList<string>> DialAsync(string phone, string code)
    {
        var call = _system.Sim.Phone(phone).Dial(code);
        await _system.Sim.WaitUntilAsync(() => call.IsGone, CancellationToken.None);
        return _system.Sim.Playbacks(call.ChannelId!).Select(p => p.MediaUri).ToList();
    }

    private async Task LoginAsync(string phone = "6001", string agent = "210")
    {
        var heard = await DialAsync(phone, $"**1{agent}");
        Assert.That(heard, Is.EqualTo(new[] { "sound:agent-loginok" }), $"login of {agent} at {phone}");
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentLoggedIn>().Any(l => l.AgentNumber == agent && l.Extension == $"PJSIP/{phone}"), Wait, "AgentLoggedIn");
    }

    private Task<string> StateAsync(string agent) => _system.QueryAsync<string>("SELECT state FROM agent_status WHERE agent_number = @A", new { A = agent });

    /// <summary>
    /// Waits for the agent's recorded state. Dialling a feature code puts the phone itself in use, which Asterisk
    /// reports (the agent is briefly on a call); the state settles when the phone hangs up.
    /// </summary>
    private Task<string> SettledStateAsync(string agent, string expected) =>
        _system.EventuallyAsync(() => StateAsync(agent), state => state == expected);

    [Test]
    public async Task Login_adds_the_agent_to_every_linked_queue_records_the_session_and_plays_loginok()
    {
        await LoginAsync();

        Assert.That(_system.Sim.QueueMembers("support").Single().Interface, Is.EqualTo("PJSIP/6001"));
        Assert.That(_system.Sim.QueueMembers("sales").Single().MemberName, Is.EqualTo("210"));
        var memberships = await _system.QueryListAsync<string>("SELECT queue FROM agent_membership WHERE agent_number = '210' ORDER BY queue");
        Assert.That(memberships, Is.EqualTo(new[] { "sales", "support" }));
        Assert.That(await StateAsync("210"), Is.EqualTo(AgentState.Available));
        Assert.That(await _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_session WHERE agent_number = '210' AND logout_at IS NULL"), Is.EqualTo(1));
        var history = await _system.QueryListAsync<string>("SELECT state || '/' || source FROM agent_state_history WHERE agent_number = '210' ORDER BY started_at");
        Assert.That(history, Is.EqualTo(new[] { "available/phone" }));
        var loggedIn = _system.Events.Of<AgentLoggedIn>().Single();
        Assert.That((loggedIn.AgentName, loggedIn.Source, loggedIn.Queues), Is.EqualTo(("Ana", AgentStateSource.Phone, new[] { "sales", "support" })));
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentStateChanged>().Any(s => s.State == AgentState.Available), Wait, "AgentStateChanged");
    }

    [Test]
    public async Task Pause_with_a_code_pauses_every_queue_with_the_code_as_reason_and_beeps()
    {
        await LoginAsync();

        var heard = await DialAsync("6001", "**213");
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentPaused>().Any(), Wait, "AgentPaused");

        Assert.That(heard, Is.EqualTo(new[] { "sound:beep" }));
        Assert.That(_system.Sim.QueueMembers("support").Single().Paused, Is.True);
        Assert.That(_system.Sim.QueueMembers("sales").Single().PausedReason, Is.EqualTo("13"));
        Assert.That(await SettledStateAsync("210", AgentState.Paused), Is.EqualTo(AgentState.Paused));
        Assert.That(await _system.QueryAsync<string>("SELECT pause_code FROM agent_status WHERE agent_number = '210'"), Is.EqualTo("13"));
        var paused = _system.Events.Of<AgentPaused>().Single();
        Assert.That((paused.PauseCode, paused.PauseName, paused.Productive), Is.EqualTo(("13", "Training", true)));
    }

    [Test]
    public async Task Unpause_unpauses_everywhere_and_logout_leaves_every_queue_and_closes_the_session()
    {
        await LoginAsync();
        await DialAsync("6001", "**21");

        var unpause = await DialAsync("6001", "**3");
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentUnpaused>().Any(), Wait, "AgentUnpaused");
        Assert.That(unpause, Is.EqualTo(new[] { "sound:beep", "sound:beep" }));
        Assert.That(_system.Sim.QueueMembers("support").Single().Paused, Is.False);
        Assert.That(await SettledStateAsync("210", AgentState.Available), Is.EqualTo(AgentState.Available));

        var logout = await DialAsync("6001", "**0");
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentLoggedOut>().Any(), Wait, "AgentLoggedOut");
        Assert.That(logout, Is.EqualTo(new[] { "sound:agent-loggedoff" }));
        Assert.That(_system.Sim.QueueMembers("support"), Is.Empty);
        Assert.That(_system.Sim.QueueMembers("sales"), Is.Empty);
        Assert.That(await SettledStateAsync("210", AgentState.LoggedOut), Is.EqualTo(AgentState.LoggedOut));
        Assert.That(await _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_session WHERE agent_number = '210' AND logout_at IS NULL"), Is.Zero);
        // Each code put the phone in use for its second: that is not a call, so no on-call row comes between.
        var history = await _system.QueryListAsync<string>("SELECT state FROM agent_state_history WHERE agent_number = '210' ORDER BY started_at");
        Assert.That(history, Is.EqualTo(new[] { "available", "paused", "available", "logged-out" }));
        Assert.That(_system.Events.Of<AgentStateChanged>().Where(c => c.AgentNumber == "210").Select(c => c.State), Has.None.EqualTo(AgentState.OnCall));
        // The phone's status changes came from the codes alone, in use and free again: agent state left them without a transaction.
        var statuses = _system.Events.Of<QueueMemberStatusChanged>().Where(s => s.Member.Interface == "PJSIP/6001").ToList();
        Assert.That(statuses.Select(s => s.Member.Status), Does.Contain(1).And.Contain(2));
        Assert.That(statuses.Select(s => s.DialingFeatureCode), Is.All.True);
        Assert.That(await _system.QueryAsync<long>("SELECT COUNT(*) FROM processed_message WHERE consumer = 'QueueMemberStatusChangedConsumer'"), Is.Zero);
    }

    [TestCase("6001", "**1999", FeatureCodeRefusalReason.UnknownAgent, TestName = "Login_of_an_unknown_agent_is_refused")]
    [TestCase("6001", "**1212", FeatureCodeRefusalReason.InactiveAgent, TestName = "Login_of_an_inactive_agent_is_refused")]
    [TestCase("6001", "**1213", FeatureCodeRefusalReason.NoQueues, TestName = "Login_of_an_agent_linked_to_no_queue_is_refused")]
    [TestCase("6003", "**213", FeatureCodeRefusalReason.NobodyLoggedIn, TestName = "Pause_from_an_extension_where_nobody_is_logged_in_is_refused")]
    [TestCase("6003", "**3", FeatureCodeRefusalReason.NobodyLoggedIn, TestName = "Unpause_from_an_extension_where_nobody_is_logged_in_is_refused")]
    [TestCase("6003", "**0", FeatureCodeRefusalReason.NobodyLoggedIn, TestName = "Logout_from_an_extension_where_nobody_is_logged_in_is_refused")]
    [TestCase("6001", "**1", FeatureCodeRefusalReason.Malformed, TestName = "Login_code_without_digits_is_refused_as_malformed")]
    [TestCase("6001", "**1abc", FeatureCodeRefusalReason.Malformed, TestName = "Login_code_with_letters_is_refused_as_malformed")]
    [TestCase("6001", "**112345678901", FeatureCodeRefusalReason.Malformed, TestName = "Overlong_login_code_is_refused_as_malformed")]
    public async Task Refusals_play_the_refusal_prompt_publish_the_reason_and_change_nothing(string phone, string code, string reason)
    {
        var heard = await DialAsync(phone, code);
        await _system.Events.WaitUntilAsync(e => e.OfType<FeatureCodeRefused>().Any(), Wait, "FeatureCodeRefused");

        Assert.That(heard, Is.EqualTo(new[] { "sound:pbx-invalid" }));
        var refused = _system.Events.Of<FeatureCodeRefused>().Single();
        Assert.That((refused.Reason, refused.Code, refused.Extension), Is.EqualTo((reason, code, $"PJSIP/{phone}")));
        Assert.That(refused.Detail, Is.Not.Empty);
        Assert.That(_system.Sim.QueueMembers("support"), Is.Empty);
        Assert.That(await _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_membership"), Is.Zero);
    }

    [Test]
    public async Task Pause_with_an_unknown_code_is_refused_and_the_agent_stays_available()
    {
        await LoginAsync();

        var heard = await DialAsync("6001", "**299");
        await _system.Events.WaitUntilAsync(e => e.OfType<FeatureCodeRefused>().Any(), Wait, "FeatureCodeRefused");

        Assert.That(heard, Is.EqualTo(new[] { "sound:pbx-invalid" }));
        Assert.That(_system.Events.Of<FeatureCodeRefused>().Single().Reason, Is.EqualTo(FeatureCodeRefusalReason.UnknownPauseCode));
        Assert.That(_system.Sim.QueueMembers("support").Single().Paused, Is.False);
        Assert.That(await SettledStateAsync("210", AgentState.Available), Is.EqualTo(AgentState.Available));
    }

    [Test]
    public async Task Logging_in_at_another_phone_moves_the_session_there()
    {
        await LoginAsync("6001");

        await LoginAsync("6002");

        await _system.Sim.WaitUntilAsync(() => _system.Sim.QueueMembers("support").All(m => m.Interface == "PJSIP/6002"), CancellationToken.None);
        Assert.That(_system.Sim.QueueMembers("support").Select(m => m.Interface), Is.EqualTo(new[] { "PJSIP/6002" }));
        Assert.That(_system.Sim.QueueMembers("sales").Select(m => m.Interface), Is.EqualTo(new[] { "PJSIP/6002" }));
        var sessions = await _system.EventuallyAsync(
            () => _system.QueryListAsync<string>("SELECT interface || ':' || CASE WHEN logout_at IS NULL THEN 'open' ELSE 'closed' END FROM agent_session WHERE agent_number = '210' ORDER BY login_at"),
            rows => rows.Count == 2);
        Assert.That(sessions, Is.EqualTo(new[] { "PJSIP/6001:closed", "PJSIP/6002:open" }));
    }

    [Test]
    public async Task Two_phones_logging_the_same_agent_in_at_once_end_with_one_session_in_Asterisk_and_in_SQL()
    {
        var first = _system.Sim.Phone("6001").Dial("**1210");
        var second = _system.Sim.Phone("6002").Dial("**1210");
        await _system.Sim.WaitUntilAsync(() => first.IsGone && second.IsGone, CancellationToken.None);
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentLoggedIn>().Count() == 2, Wait, "both logins answered");
        await _system.Sim.WaitUntilAsync(() => _system.Sim.QueueMembers("support").Count == 1 && _system.Sim.QueueMembers("sales").Count == 1, CancellationToken.None);

        var inAsterisk = _system.Sim.QueueMembers("support").Concat(_system.Sim.QueueMembers("sales")).Select(m => m.Interface).Distinct().ToList();
        Assert.That(inAsterisk, Has.Count.EqualTo(1), "one extension in Asterisk");
        var inSql = await _system.EventuallyAsync(
            () => _system.QueryListAsync<string>("SELECT DISTINCT interface FROM agent_membership WHERE agent_number = '210'"),
            rows => rows.SequenceEqual(inAsterisk));
        Assert.That(inSql, Is.EqualTo(inAsterisk), "SQL agrees with Asterisk");
        var openSessions = await _system.EventuallyAsync(
            () => _system.QueryListAsync<string>("SELECT interface FROM agent_session WHERE agent_number = '210' AND logout_at IS NULL"),
            rows => rows.SequenceEqual(inAsterisk));
        Assert.That(openSessions, Is.EqualTo(inAsterisk), "one open session, at that extension");
    }

    [Test]
    public async Task An_event_delivered_twice_makes_no_duplicate_rows()
    {
        await LoginAsync();
        var added = _system.Events.Of<QueueMemberAdded>().First();
        var historyBefore = await _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_state_history");

        // The same message again, as a redelivery would bring it.
        await _system.App.Services.GetRequiredService<MassTransit.IPublishEndpoint>().Publish(added);
        await _system.Events.WaitUntilAsync(e => e.OfType<QueueMemberAdded>().Count(a => a.EventId == added.EventId) >= 2, Wait, "the duplicate");
        await Task.Delay(300);

        Assert.That(await _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_membership WHERE agent_number = '210'"), Is.EqualTo(2));
        Assert.That(await _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_state_history"), Is.EqualTo(historyBefore));
        Assert.That(await _system.QueryAsync<long>("SELECT COUNT(*) FROM processed_message WHERE message_id = @Id", new { Id = added.EventId }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_plain_command_success_costs_no_transaction_and_a_failure_is_still_recorded()
    {
        var command = Guid.NewGuid();
        CommandCompleted Result(bool succeeded, string outcome) =>
            new(Guid.NewGuid(), AgentsSystem.Server, DateTimeOffset.UtcNow, command, "AddQueueMember", "test", succeeded, outcome, string.Empty, null);
        var success = Result(true, CommandOutcome.Done);
        var failure = Result(false, CommandOutcome.Failed);
        var bus = _system.App.Services.GetRequiredService<MassTransit.IPublishEndpoint>();

        // Same command, same partition of agents-state: once the failure is recorded, the success before it was handled.
        await bus.Publish(success);
        await bus.Publish(failure);
        var recorded = await _system.EventuallyAsync(
            () => _system.QueryListAsync<Guid>("SELECT message_id FROM processed_message WHERE consumer = 'CommandCompletedConsumer'"),
            rows => rows.Count > 0);

        Assert.That(recorded, Is.EqualTo(new[] { failure.EventId }));
    }

    [Test]
    public async Task A_feature_code_delivered_twice_runs_once()
    {
        var call = _system.Sim.Phone("6001").Dial("**1210");
        await _system.Events.WaitUntilAsync(e => e.OfType<AgentLoggedIn>().Any(), Wait, "the login");
        var dialed = _system.Events.Of<FeatureCodeDialed>().Single();

        await _system.App.Services.GetRequiredService<MassTransit.IPublishEndpoint>().Publish(dialed);
        await _system.Events.WaitUntilAsync(e => e.OfType<FeatureCodeDialed>().Count() >= 2, Wait, "the duplicate");
        await Task.Delay(500);

        Assert.That(await _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_operation"), Is.EqualTo(1));
        Assert.That(await _system.QueryAsync<long>("SELECT COUNT(*) FROM agent_operation_step"), Is.EqualTo(2));
        Assert.That(_system.Events.Of<AgentLoggedIn>(), Has.Count.EqualTo(1));
        Assert.That(_system.Sim.Playbacks(call.ChannelId!), Has.Count.EqualTo(1));
    }
}
