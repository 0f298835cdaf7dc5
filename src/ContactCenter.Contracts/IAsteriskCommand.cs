namespace ContactCenter.Contracts;

/// <summary>
/// A command for the connector that owns <see cref="Server"/>. Send it to that connector's queue
/// (<see cref="ConnectorQueue.For"/>), never publish it: only the owner of the server may execute it.
/// Every command is answered by a <see cref="Commands.CommandCompleted"/> event with the same
/// <see cref="CommandId"/>; the connector executes a given CommandId at most once.
/// </summary>
public interface IAsteriskCommand
{
    Guid CommandId { get; }

    string Server { get; }

    /// <summary>Who asked, for the audit trail: <c>phone:PJSIP/6001</c>, <c>web:{API key name}</c>, <c>undo:{operation id}</c>, <c>reconcile</c>.</summary>
    string RequestedBy { get; }
}
