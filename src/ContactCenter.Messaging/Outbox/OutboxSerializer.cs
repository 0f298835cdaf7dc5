using System.Text.Json;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Queues;

namespace ContactCenter.Messaging.Outbox;

/// <summary>How events (and commands) are stored in an outbox and in which lane their order is kept.</summary>
public static class OutboxSerializer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, Type> ContractTypes = typeof(IContactCenterEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && (typeof(IContactCenterEvent).IsAssignableFrom(t) || typeof(IAsteriskCommand).IsAssignableFrom(t)))
        .ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    /// <summary>The stored type name of a message.</summary>
    public static string TypeOf(object message) => message.GetType().FullName!;

    public static string Serialize(object message) => JsonSerializer.Serialize(message, message.GetType(), Json);

    /// <summary>Turns a stored row back into the contract it was (an event or a command).</summary>
    /// <exception cref="InvalidOperationException">The type is not a contract of this version.</exception>
    public static object DeserializeMessage(OutboxRow row) =>
        ContractTypes.TryGetValue(row.Type, out var type)
            ? JsonSerializer.Deserialize(row.Payload, type, Json)!
            : throw new InvalidOperationException($"Outbox row {row.Seq} has type {row.Type}, which is not a contract of this version");

    /// <summary>Turns a stored event row back into the event.</summary>
    public static IContactCenterEvent Deserialize(OutboxRow row) => (IContactCenterEvent)DeserializeMessage(row);

    /// <summary>
    /// The lane that orders an event: a call's events share one (its Linkedid), a queue member's share one,
    /// an agent's share one, a feature-code channel's share one (its timeout after its dial), each command result
    /// has its own; other events of a server share the server's lane. Events of one lane are published one by one,
    /// each awaiting the broker's confirm, so a busy kind of event must not sit in the server's lane: 200 phones
    /// dialling at once queued 200 dials and 400 command results there, one confirm after the other.
    /// </summary>
    public static string LaneOf(IContactCenterEvent e) => e switch
    {
        ICallEvent call => call.Linkedid,
        Contracts.Agents.FeatureCodeDialed f => $"channel:{f.ChannelId}",
        Contracts.Agents.FeatureCodeTimedOut t => $"channel:{t.ChannelId}",
        Contracts.Commands.CommandCompleted c => $"command:{c.CommandId}",
        QueueMemberAdded m => $"member:{m.Member.Interface}",
        QueueMemberRemoved m => $"member:{m.Member.Interface}",
        QueueMemberPaused m => $"member:{m.Member.Interface}",
        QueueMemberUnpaused m => $"member:{m.Member.Interface}",
        QueueMemberStatusChanged m => $"member:{m.Member.Interface}",
        Contracts.Agents.AgentLoggedIn a => $"agent:{a.AgentNumber}",
        Contracts.Agents.AgentLoggedOut a => $"agent:{a.AgentNumber}",
        Contracts.Agents.AgentPaused a => $"agent:{a.AgentNumber}",
        Contracts.Agents.AgentUnpaused a => $"agent:{a.AgentNumber}",
        Contracts.Agents.AgentStateChanged a => $"agent:{a.AgentNumber}",
        _ => $"server:{e.Server}",
    };
}
