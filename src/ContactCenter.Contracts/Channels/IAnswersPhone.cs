namespace ContactCenter.Contracts.Channels;

/// <summary>A command that may carry the answer to a held feature-code phone (<see cref="PhoneAnswer"/>).</summary>
public interface IAnswersPhone
{
    /// <summary>Null when nobody waits on a phone (web requests, undo, reconciliation).</summary>
    PhoneAnswer? Answer { get; }
}
