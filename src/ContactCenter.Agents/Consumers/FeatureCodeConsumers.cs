using ContactCenter.Agents.FeatureCodes;
using ContactCenter.Agents.Operations;
using ContactCenter.Contracts.Agents;
using ContactCenter.Data;
using MassTransit;

namespace ContactCenter.Agents.Consumers;

/// <summary>
/// An agent dialled a feature code: read it, and start the login, pause, unpause or logout it asks for (or
/// refuse it, with the refusal prompt). The operation id is the event id, so a redelivery does nothing twice.
/// </summary>
internal sealed class FeatureCodeDialedConsumer(OperationPlanner planner) : IConsumer<FeatureCodeDialed>
{
    public async Task Consume(ConsumeContext<FeatureCodeDialed> context)
    {
        var e = context.Message;
        var parsed = FeatureCodeParser.Parse(e.Code);
        // Through the AMI fallback nothing holds the phone: there is no channel to answer.
        var channel = e.Source == "ari" ? e.ChannelId : null;
        var request = new OperationRequest(e.EventId, KindOf(parsed.Action), e.Server,
            parsed.Action == FeatureCodeAction.Login ? parsed.Argument : null, e.Extension,
            parsed.Action == FeatureCodeAction.Pause ? parsed.Argument : null, null, AgentStateSource.Phone, $"phone:{e.Extension}",
            channel, e.Code, e.AnswerBy.UtcDateTime);
        if (parsed.Action == FeatureCodeAction.Malformed)
        {
            await planner.RefuseAsync(request, FeatureCodeRefusalReason.Malformed, parsed.Problem ?? "malformed", context.CancellationToken);
            return;
        }
        await planner.StartAsync(request, context.CancellationToken);
    }

    /// <summary>
    /// Logins of one agent run one after the other whatever phone they come from (two phones logging the same
    /// agent in at once must end with one session); other codes are ordered per phone. The code's
    /// <see cref="FeatureCodeTimedOut"/> takes the same key, so it is handled after the operation it undoes exists.
    /// </summary>
    public static string PartitionKey(string code, string extension) =>
        FeatureCodeParser.Parse(code) is { Action: FeatureCodeAction.Login } login ? $"agent:{login.Argument}" : extension;

    private static string KindOf(FeatureCodeAction action) => action switch
    {
        FeatureCodeAction.Login => OperationKind.Login,
        FeatureCodeAction.Pause => OperationKind.Pause,
        FeatureCodeAction.Unpause => OperationKind.Unpause,
        FeatureCodeAction.Logout => OperationKind.Logout,
        _ => "malformed",
    };
}

/// <summary>The phone gave up waiting: undo whatever the operation did or started.</summary>
internal sealed class FeatureCodeTimedOutConsumer(Database database, OperationTracker tracker, Messaging.Outbox.SqlOutbox outbox, TimeProvider time)
    : IConsumer<FeatureCodeTimedOut>
{
    public async Task Consume(ConsumeContext<FeatureCodeTimedOut> context)
    {
        // Idempotent by itself: only a pending or succeeded operation can time out, once.
        var undone = await database.InTransactionAsync((_, tx, ct) =>
            tracker.TimeOutAsync(tx, context.Message.FeatureCodeEventId, "the phone got no answer within the deadline", time.GetUtcNow().UtcDateTime, ct),
            context.CancellationToken);
        if (undone)
        {
            outbox.Committed();
        }
    }
}
