using ContactCenter.Contracts;
using ContactCenter.Contracts.Agents;
using ContactCenter.Contracts.Asterisk;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Channels;
using ContactCenter.Contracts.Commands;
using ContactCenter.Contracts.Queues;
using Microsoft.Extensions.DependencyInjection;
using ContactCenter.PbxSimulator;

namespace ContactCenter.Connector.Tests.Integration;

/// <summary>
/// The trace scenarios end to end: the simulator speaks AMI and ARI like Asterisk, the connector turns it
/// into domain events through its outbox and a real RabbitMQ, and the test reads them off the bus.
/// </summary>
[TestFixture]
[NonParallelizable]
[CancelAfter(90_000)]
public sealed class ConnectorScenarioTests : SimulatedConnectorFixture
{
    private IReadOnlyList<ICallEvent> CallEvents(string linkedid) =>
        Host.Events.All.OfType<ICallEvent>().Where(e => e.Linkedid == linkedid).DistinctBy(e => e.EventId).ToList();

    private async Task<QueueMemberAdded> AddMemberAsync(string queue, string @interface, string name)
    {
        var command = new AddQueueMember(Guid.NewGuid(), SimulatedPbx.Server, "test", queue, @interface, name, null, 0, false, null);
        await Host.SendAsync(command);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == command.CommandId), Wait, "AddQueueMember's result");
        Assert.That(Host.Events.Of<CommandCompleted>().Single(c => c.CommandId == command.CommandId).Outcome, Is.EqualTo(CommandOutcome.Done));
        await Host.Events.WaitUntilAsync(e => e.OfType<QueueMemberAdded>().Any(m => m.Member.Interface == @interface && m.Member.Queue == queue), Wait, "QueueMemberAdded");
        return Host.Events.Of<QueueMemberAdded>().Single(m => m.Member.Interface == @interface && m.Member.Queue == queue);
    }

    [Test]
    public async Task AddQueueMember_becomes_QueueAdd_in_Asterisk_and_QueueMemberAdded_on_the_bus()
    {
        var added = await AddMemberAsync("support", "PJSIP/6001", "210");

        Assert.That((added.Server, added.Member.MemberName, added.Member.Paused, added.Member.Dynamic), Is.EqualTo((SimulatedPbx.Server, "210", false, true)));
        Assert.That(Sim.QueueMembers("support").Select(m => m.Interface), Is.EqualTo(new[] { "PJSIP/6001" }));
    }

    [Test]
    public async Task An_answered_queue_call_from_the_trunk_is_one_call_published_once_in_Asterisk_order()
    {
        await AddMemberAsync("support", "PJSIP/6001", "210");
        var phone = Sim.Phone("6001");

        var call = Sim.Customer("+5491145550000").Call("7000");
        await phone.WaitUntilRingingAsync(CancellationToken.None);
        phone.Answer();
        await Host.Events.WaitUntilAsync(e => e.OfType<CallAnswered>().Any(), Wait, "the answer");
        call.HangUp();
        await Host.Events.WaitUntilAsync(e => e.OfType<CallEnded>().Any(), Wait, "the end of the call");

        var events = CallEvents(call.Linkedid!);
        Assert.That(events.Select(e => e.GetType().Name), Is.EqualTo(new[]
        {
            "CallStarted", "RecordingStarted", "CallQueued", "CallOffered", "CallAnswered", "RecordingStopped", "CallEnded",
        }));
        var started = events.OfType<CallStarted>().Single();
        Assert.That((started.Direction, started.CallerIdNum, started.DialedExtension), Is.EqualTo((CallDirection.Inbound, "+5491145550000", "7000")));
        Assert.That(events.OfType<CallAnswered>().Single().AnsweredBy, Is.EqualTo("PJSIP/6001"));
        var ended = events.OfType<CallEnded>().Single();
        Assert.That((ended.HungUpBy, ended.Answered, ended.Cause), Is.EqualTo((HangupParty.Customer, true, 16)));
        Assert.That(events.OfType<RecordingStarted>().Single().FileName, Does.EndWith($"{call.Linkedid}.wav"));
    }

    [Test]
    public async Task A_caller_who_gives_up_in_the_queue_is_abandoned_and_missed()
    {
        await AddMemberAsync("support", "PJSIP/6001", "210");
        var call = Sim.Customer("+5491145550001").Call("7000");
        await Sim.Phone("6001").WaitUntilRingingAsync(CancellationToken.None);

        call.HangUp();
        await Host.Events.WaitUntilAsync(e => e.OfType<CallEnded>().Any(), Wait, "the end of the call");

        var events = CallEvents(call.Linkedid!);
        Assert.That(events.OfType<CallAbandoned>().Single().Queue, Is.EqualTo("support"));
        var missed = events.OfType<CallMissed>().Single();
        Assert.That((missed.Reason, missed.OfferedTo.Single()), Is.EqualTo((CallMissedReason.Abandoned, "PJSIP/6001")));
        Assert.That(events.OfType<CallEnded>().Single().Answered, Is.False);
        Assert.That(events.OfType<CallAnswered>(), Is.Empty);
    }

    [Test]
    public async Task OriginateCall_rings_the_customer_first_then_the_agent_and_reports_answered()
    {
        var customer = Sim.Customer("+5491145550002");
        customer.IncomingCalls = CallBehaviour.AnswerAfter(TimeSpan.FromSeconds(1));
        Sim.Phone("6001").IncomingCalls = CallBehaviour.AnswerAfter(TimeSpan.FromSeconds(1));
        var command = new OriginateCall(Guid.NewGuid(), SimulatedPbx.Server, "test", "PJSIP/+5491145550002@trunk", "cc-originate", "agent", 1,
            "Center <7000>", 30, "callback-42", new Dictionary<string, string> { ["CC_AGENT_INTERFACE"] = "PJSIP/6001" });

        await Host.SendAsync(command);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == command.CommandId), Wait, "the Originate result");
        await Host.Events.WaitUntilAsync(e => e.OfType<CallAnswered>().Any(), Wait, "the agent answering");

        var result = Host.Events.Of<CommandCompleted>().Single(c => c.CommandId == command.CommandId);
        Assert.That((result.Succeeded, result.Outcome), Is.EqualTo((true, CommandOutcome.Answered)));
        var events = CallEvents(result.Uniqueid!);
        Assert.That(events.OfType<CallStarted>().Single().Direction, Is.EqualTo(CallDirection.Outbound));
        var answered = events.OfType<CallAnswered>().Single();
        Assert.That((answered.AnsweredBy, answered.CorrelationId), Is.EqualTo(("PJSIP/6001", "callback-42")));
    }

    [Test]
    public async Task A_busy_customer_completes_the_Originate_as_busy()
    {
        Sim.Customer("+5491145550003").IncomingCalls = CallBehaviour.Busy();
        var command = new OriginateCall(Guid.NewGuid(), SimulatedPbx.Server, "test", "PJSIP/+5491145550003@trunk", "cc-originate", "agent", 1,
            "Center <7000>", 30, "callback-43", new Dictionary<string, string> { ["CC_AGENT_INTERFACE"] = "PJSIP/6001" });

        await Host.SendAsync(command);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == command.CommandId), Wait, "the Originate result");

        var result = Host.Events.Of<CommandCompleted>().Single(c => c.CommandId == command.CommandId);
        Assert.That((result.Succeeded, result.Outcome), Is.EqualTo((false, CommandOutcome.Busy)));
    }

    [Test]
    public async Task A_feature_code_is_held_published_and_answered_with_the_prompt_then_hung_up()
    {
        var call = Sim.Phone("6001").Dial("**1210");
        await Host.Events.WaitUntilAsync(e => e.OfType<FeatureCodeDialed>().Any(), Wait, "FeatureCodeDialed");
        var dialed = Host.Events.Of<FeatureCodeDialed>().Single();

        var answer = new PlayAndHangUp(Guid.NewGuid(), SimulatedPbx.Server, "test", dialed.ChannelId, ["sound:agent-loginok"]);
        await Host.SendAsync(answer);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == answer.CommandId), Wait, "PlayAndHangUp's result");

        Assert.That((dialed.Code, dialed.Extension, dialed.Source, dialed.ChannelId), Is.EqualTo(("**1210", "PJSIP/6001", "ari", call.ChannelId)));
        Assert.That(Host.Events.Of<CommandCompleted>().Single(c => c.CommandId == answer.CommandId).Outcome, Is.EqualTo(CommandOutcome.Done));
        Assert.That(Sim.Playbacks(dialed.ChannelId).Select(p => p.MediaUri), Is.EqualTo(new[] { "sound:agent-loginok" }));
        await Sim.WaitUntilAsync(() => call.IsGone, CancellationToken.None);
        Assert.That(call.HangupCause, Is.EqualTo(16));
        Assert.That(Host.Events.All.OfType<ICallEvent>(), Is.Empty, "a feature code is not a call");
    }

    [Test]
    public async Task A_feature_code_nobody_answers_hears_try_later_and_is_announced_as_timed_out()
    {
        var call = Sim.Phone("6002").Dial("**3");

        await Host.Events.WaitUntilAsync(e => e.OfType<FeatureCodeTimedOut>().Any(), Wait, "FeatureCodeTimedOut");
        await Sim.WaitUntilAsync(() => call.IsGone, CancellationToken.None);

        var dialed = Host.Events.Of<FeatureCodeDialed>().Single();
        var timedOut = Host.Events.Of<FeatureCodeTimedOut>().Single();
        Assert.That(timedOut.FeatureCodeEventId, Is.EqualTo(dialed.EventId));
        Assert.That(Sim.Playbacks(dialed.ChannelId).Select(p => p.MediaUri), Is.EqualTo(new[] { "sound:an-error-has-occurred", "sound:please-try-again" }));
        var late = new PlayAndHangUp(Guid.NewGuid(), SimulatedPbx.Server, "test", dialed.ChannelId, ["sound:beep"]);
        await Host.SendAsync(late);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == late.CommandId), Wait, "the late answer's result");
        Assert.That(Host.Events.Of<CommandCompleted>().Single(c => c.CommandId == late.CommandId).Outcome, Is.EqualTo(CommandOutcome.ChannelGone));
    }

    [Test]
    public async Task A_command_for_a_channel_that_no_longer_exists_fails_clearly()
    {
        var command = new HangUpChannel(Guid.NewGuid(), SimulatedPbx.Server, "test", "1795289999.99");

        await Host.SendAsync(command);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == command.CommandId), Wait, "the result");

        var result = Host.Events.Of<CommandCompleted>().Single(c => c.CommandId == command.CommandId);
        Assert.That((result.Succeeded, result.Outcome), Is.EqualTo((false, CommandOutcome.ChannelGone)));
    }

    [Test]
    public async Task A_command_for_a_server_this_connector_does_not_own_is_rejected_not_executed()
    {
        // Sent to this connector's queue by mistake, naming another server.
        var endpoint = await Host.Services.GetRequiredService<MassTransit.ISendEndpointProvider>().GetSendEndpoint(ConnectorQueue.For(SimulatedPbx.Server));
        var command = new AddQueueMember(Guid.NewGuid(), "pbx-other", "test", "support", "PJSIP/6001", "210", null, 0, false, null);

        await endpoint.Send(command);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == command.CommandId), Wait, "the result");

        Assert.That(Host.Events.Of<CommandCompleted>().Single(c => c.CommandId == command.CommandId).Outcome, Is.EqualTo(CommandOutcome.Rejected));
        Assert.That(Sim.QueueMembers("support"), Is.Empty);
    }

    [Test]
    public async Task A_published_command_reaches_no_connector_only_a_sent_one_does()
    {
        var published = new AddQueueMember(Guid.NewGuid(), SimulatedPbx.Server, "test", "support", "PJSIP/6001", "210", null, 0, false, null);
        var sent = new AddQueueMember(Guid.NewGuid(), SimulatedPbx.Server, "test", "support", "PJSIP/6002", "211", null, 0, false, null);

        await Host.Services.GetRequiredService<MassTransit.IPublishEndpoint>().Publish(published);
        await Host.SendAsync(sent);
        await Host.Events.WaitUntilAsync(e => e.OfType<CommandCompleted>().Any(c => c.CommandId == sent.CommandId), Wait, "the sent command's result");

        Assert.That(Host.Events.Of<CommandCompleted>().Where(c => c.CommandId == published.CommandId), Is.Empty);
        Assert.That(Sim.QueueMembers("support").Select(m => m.Interface), Is.EqualTo(new[] { "PJSIP/6002" }));
    }

    [Test]
    public async Task An_Asterisk_restart_mid_call_ends_the_call_lost_during_disconnect_and_resynchronises()
    {
        await AddMemberAsync("support", "PJSIP/6001", "210");
        var phone = Sim.Phone("6001");
        var call = Sim.Customer("+5491145550004").Call("7000");
        await phone.WaitUntilRingingAsync(CancellationToken.None);
        phone.Answer();
        await Host.Events.WaitUntilAsync(e => e.OfType<CallAnswered>().Any(), Wait, "the answer");
        var linkedid = call.Linkedid!;

        await Sim.RestartAsync();
        // Different lanes (the call, the server) are not ordered with each other: wait for both.
        await Host.Events.WaitUntilAsync(e => e.OfType<AsteriskResynchronized>().Any(r => r.AsteriskRestarted)
            && e.OfType<CallEnded>().Any(c => c.Linkedid == linkedid) && e.OfType<QueueMembershipSnapshot>().Any(s => s.AsteriskRestarted),
            Wait, "the resync after the restart");

        var ended = CallEvents(linkedid).OfType<CallEnded>().Single();
        Assert.That((ended.Reason, ended.HungUpBy), Is.EqualTo((CallEndReason.LostDuringDisconnect, HangupParty.Unknown)));
        var resync = Host.Events.Of<AsteriskResynchronized>().Last();
        Assert.That(resync.CallsEnded, Is.EqualTo(new[] { linkedid }));
        Assert.That(resync.MembersRemoved, Is.EqualTo(new[] { "support/PJSIP/6001" }), "dynamic members do not survive a restart");
        var snapshot = Host.Events.Of<QueueMembershipSnapshot>().Last();
        Assert.That((snapshot.AsteriskRestarted, snapshot.Members.Count), Is.EqualTo((true, 0)));
    }

    [Test]
    public async Task A_dropped_AMI_connection_keeps_calls_that_survive_and_ends_those_that_ended_meanwhile()
    {
        await AddMemberAsync("support", "PJSIP/6001", "210");
        var phone = Sim.Phone("6001");
        var surviving = Sim.Customer("+5491145550005").Call("7000");
        await phone.WaitUntilRingingAsync(CancellationToken.None);
        phone.Answer();
        var ending = Sim.Phone("6002").Dial("6003");
        await Host.Events.WaitUntilAsync(e => e.OfType<CallAnswered>().Any() && e.OfType<CallStarted>().Count() == 2, Wait, "both calls up");
        var resyncsBefore = Host.Events.Of<AsteriskResynchronized>().Count;

        Sim.Faults.DelayAmiResponses(TimeSpan.Zero);
        Sim.Faults.DropAmiConnections();
        ending.HangUp();
        await Host.Events.WaitUntilAsync(e => e.OfType<AsteriskResynchronized>().Count() > resyncsBefore
            && CallEvents(ending.Linkedid!).OfType<CallEnded>().Any(), Wait, "the resync after the reconnect");

        Assert.That(CallEvents(surviving.Linkedid!).OfType<CallEnded>(), Is.Empty, "the surviving call is not ended");
        var lost = CallEvents(ending.Linkedid!).OfType<CallEnded>().Single();
        Assert.That(lost.Reason, Is.AnyOf(CallEndReason.LostDuringDisconnect, CallEndReason.Normal));

        surviving.HangUp();
        await Host.Events.WaitUntilAsync(e => CallEvents(surviving.Linkedid!).OfType<CallEnded>().Any(), Wait, "the surviving call's end");
        Assert.That(CallEvents(surviving.Linkedid!).OfType<CallEnded>().Single().Reason, Is.EqualTo(CallEndReason.Normal));
    }
}
