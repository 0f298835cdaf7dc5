namespace ContactCenter.Contracts.Calls;

/// <summary>
/// An event about one call. All events of a call carry its <see cref="Linkedid"/> and are published in the
/// order Asterisk emitted them; subscribing to this interface receives the whole lifecycle of every call.
/// </summary>
public interface ICallEvent : IContactCenterEvent
{
    /// <summary>Asterisk's id of the call: the Uniqueid of its first channel.</summary>
    string Linkedid { get; }
}
