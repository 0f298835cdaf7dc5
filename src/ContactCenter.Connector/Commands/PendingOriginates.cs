using System.Collections.Concurrent;
using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Contracts.Calls;

namespace ContactCenter.Connector.Commands;

/// <summary>
/// Originates sent and waiting for their <c>OriginateResponse</c> (matched by the ActionID the connector
/// chose before sending). The event pump hands responses in; the command side awaits them.
/// </summary>
internal sealed class PendingOriginates
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<OriginateResponseEvent>> _pending = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public PendingOriginates(TimeProvider time) => _time = time;

    public int Count => _pending.Count;

    /// <summary>Registers before sending, so a response read before the send returns is not missed.</summary>
    public Task<OriginateResponseEvent> Register(string actionId)
    {
        var waiter = new TaskCompletionSource<OriginateResponseEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[actionId] = waiter;
        return waiter.Task;
    }

    public void Forget(string actionId) => _pending.TryRemove(actionId, out _);

    /// <summary>Called by the event pump.</summary>
    public void OnResponse(OriginateResponseEvent response)
    {
        if (_pending.TryRemove(response.ActionId, out var waiter))
        {
            waiter.TrySetResult(response);
        }
    }

    /// <summary>The ActionID the connector uses for a command: stable, so a redelivery finds its own pending entry.</summary>
    public static string ActionIdFor(OriginateCall command) => $"originate-{command.CommandId:N}";

    public TimeProvider Time => _time;
}
