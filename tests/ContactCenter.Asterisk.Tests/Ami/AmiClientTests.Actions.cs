using System.Text;
using ContactCenter.Asterisk.Ami;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Asterisk.Tests.Ami;

/// <summary>Actions: responses matched by ActionID, lists, timeouts, cancellation, concurrency, header injection.</summary>
public sealed partial class AmiClientTests
{
    [Test]
    public async Task Responses_are_matched_by_ActionID_while_events_interleave_and_responses_come_out_of_order(CancellationToken ct)
    {
        var held = new List<AmiFrame>();
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "Getvar")
            {
                return false;
            }
            held.Add(action);
            if (held.Count < 3)
            {
                return true;
            }
            // Answer the three in reverse order, with events in between.
            foreach (var a in Enumerable.Reverse(held))
            {
                await session.SendAsync($"Event: VarSet\r\nPrivilege: dialplan,all\r\nVariable: X\r\nValue: {a["Variable"]}\r\n\r\n" +
                                        $"Response: Success\r\nActionID: {a.ActionId}\r\nVariable: {a["Variable"]}\r\nValue: value-of-{a["Variable"]}\r\n\r\n");
            }
            return true;
        };
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var calls = new[] { "A", "B", "C" }.Select(v => client.SendActionAsync(new AmiAction("Getvar").Add("Variable", v), ct)).ToList();
        var responses = await Task.WhenAll(calls);

        Assert.That(responses.Select(r => r["Value"]), Is.EqualTo(new[] { "value-of-A", "value-of-B", "value-of-C" }));
        var events = new List<string?>();
        while (events.Count < 3)
        {
            var item = await NextAsync(client, ct, i => i.Kind == AmiStreamItemKind.Event && i.Frame!.IsEvent("VarSet"u8));
            events.Add(item.Frame!["Value"]);
        }
        Assert.That(events, Is.EqualTo(new[] { "C", "B", "A" }), "events keep their arrival order");
    }

    [Test]
    public async Task A_list_action_returns_its_items_and_the_Complete_event_as_one_result(CancellationToken ct)
    {
        var traceResponse = TraceFrames("ami-05-queue-actions.txt", "qstatus-2");
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "QueueStatus")
            {
                return false;
            }
            await session.SendAsync(traceResponse.Replace("qstatus-2", action.ActionId!, StringComparison.Ordinal));
            return true;
        };
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var response = await client.SendActionAsync(new AmiAction("QueueStatus").Add("Queue", "support"), ct);

        Assert.That(response.Message, Is.EqualTo("Queue status will follow"));
        Assert.That(response.Items.Select(i => i.EventNameString), Is.EqualTo(new[] { "QueueParams", "QueueMember" }));
        Assert.That(response.Items[1]["PausedReason"], Is.EqualTo("lunch"));
        Assert.That(response.ListComplete!.EventNameString, Is.EqualTo("QueueStatusComplete"));
        Assert.That(response.ListComplete["ListItems"], Is.EqualTo("2"));
        Assert.That(response.Sequence, Is.EqualTo(response.ListComplete.Sequence));
    }

    [Test]
    public async Task OriginateResponse_with_the_ActionID_of_a_finished_action_is_delivered_as_an_event(CancellationToken ct)
    {
        _server.OnAction = async (session, action) =>
        {
            if (action["Action"] != "Originate")
            {
                return false;
            }
            await session.SendAsync($"Response: Success\r\nActionID: {action.ActionId}\r\nMessage: Originate successfully queued\r\n\r\n");
            await session.SendAsync($"Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: {action.ActionId}\r\nResponse: Success\r\nChannel: PJSIP/6002-00000008\r\nReason: 4\r\nUniqueid: 1795289095.8\r\n\r\n");
            return true;
        };
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var response = await client.SendActionAsync(new AmiAction("Originate").Add("Channel", "PJSIP/6002").Add("Async", true), ct);
        var originate = await NextAsync(client, ct, i => i.Frame?.EventNameString == "OriginateResponse");

        Assert.That(response.Message, Is.EqualTo("Originate successfully queued"));
        Assert.That(originate.Frame!.ActionId, Is.EqualTo(response.ActionId));
        Assert.That(originate.Frame["Reason"], Is.EqualTo("4"));
    }

    [Test]
    public async Task An_unanswered_action_times_out_naming_the_action_and_its_ActionID(CancellationToken ct)
    {
        _server.OnAction = (_, action) => Task.FromResult(action["Action"] == "QueueSummary");
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var error = Assert.ThrowsAsync<AmiTimeoutException>(() => client.SendActionAsync(new AmiAction("QueueSummary"), TimeSpan.FromMilliseconds(150), ct));

        Assert.That(error!.Action, Is.EqualTo("QueueSummary"));
        Assert.That(error.Message, Does.Contain(error.ActionId).And.Contain("150 ms"));
        Assert.That((await client.SendActionAsync(new AmiAction("Ping"), ct))["Ping"], Is.EqualTo("Pong"), "the session survives a timeout");
    }

    [Test]
    public async Task Cancelling_a_waiting_action_throws_OperationCanceled_not_a_timeout(CancellationToken ct)
    {
        _server.OnAction = (_, action) => Task.FromResult(action["Action"] == "QueueSummary");
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(async () => await client.SendActionAsync(new AmiAction("QueueSummary"), TimeSpan.FromSeconds(10), cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Many_concurrent_callers_each_get_their_own_response(CancellationToken ct)
    {
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);

        var responses = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => client.SendActionAsync(new AmiAction("Ping"), ct)));

        Assert.That(responses.Select(r => r.ActionId).Distinct().Count(), Is.EqualTo(500));
        Assert.That(responses.All(r => r.Frame.ActionId == r.ActionId));
    }

    [Test]
    public async Task A_value_with_CR_or_LF_is_refused_before_anything_reaches_the_socket(CancellationToken ct)
    {
        await using var client = NewClient();
        await client.WaitUntilConnectedAsync(ct);
        var before = _server.LastSession.Actions.Count;

        var error = Assert.Throws<ArgumentException>(() => new AmiAction("Setvar").Add("Value", "x\r\nAction: Originate"));
        var lf = Assert.Throws<ArgumentException>(() => new AmiAction("Setvar").Add("Variable\n", "x"));

        Assert.That(error!.Message, Does.Contain("'Value'"));
        Assert.That(lf!.Message, Does.Contain("Variable"));
        await client.SendActionAsync(new AmiAction("Ping"), ct);
        Assert.That(_server.LastSession.Actions.Count, Is.EqualTo(before + 1), "only the ping was written");
    }
}
