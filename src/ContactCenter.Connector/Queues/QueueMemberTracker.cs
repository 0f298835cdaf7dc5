using ContactCenter.Asterisk.Ami.Events;
using ContactCenter.Contracts;
using ContactCenter.Contracts.Queues;

namespace ContactCenter.Connector.Queues;

/// <summary>
/// Turns the queue-member events of one server into domain events and keeps the membership they describe,
/// so that after a reconnect it can be compared with Asterisk's <c>QueueStatus</c>. Single threaded (the
/// server's event pump owns it).
/// </summary>
internal sealed class QueueMemberTracker
{
    private readonly string _server;
    private readonly TimeProvider _time;
    private readonly Dictionary<(string Queue, string Interface), QueueMember> _members = new();

    public QueueMemberTracker(string server, TimeProvider time)
    {
        _server = server;
        _time = time;
    }

    public IReadOnlyCollection<QueueMember> Members => _members.Values;

    /// <param name="dialingFeatureCode">The status change comes from feature codes alone: the member's device is busy only
    /// with codes its agent dialled, or has just become free after them (<see cref="Calls.CallTracker.StatusFromFeatureCodes"/>);
    /// said on a status change so agent state ignores it.</param>
    public void Apply(QueueMemberEvent e, List<IContactCenterEvent> output, bool dialingFeatureCode = false)
    {
        var member = ToContract(e.Member);
        var key = (member.Queue, member.Interface);
        var at = e.Timestamp ?? _time.GetUtcNow();
        switch (e.Kind)
        {
            case QueueMemberEventKind.Added:
                _members[key] = member;
                output.Add(new QueueMemberAdded(Guid.NewGuid(), _server, at, member));
                break;
            case QueueMemberEventKind.Removed:
                _members.Remove(key);
                output.Add(new QueueMemberRemoved(Guid.NewGuid(), _server, at, member));
                break;
            case QueueMemberEventKind.Pause:
                _members[key] = member;
                output.Add(member.Paused
                    ? new QueueMemberPaused(Guid.NewGuid(), _server, at, member, member.PausedReason)
                    : new QueueMemberUnpaused(Guid.NewGuid(), _server, at, member));
                break;
            case QueueMemberEventKind.Status:
                _members[key] = member;
                output.Add(new QueueMemberStatusChanged(Guid.NewGuid(), _server, at, member, dialingFeatureCode));
                break;
            case QueueMemberEventKind.Penalty or QueueMemberEventKind.Ringinuse:
                _members[key] = member;
                break;
        }
    }

    /// <summary>
    /// Replaces the membership with Asterisk's (<c>QueueStatus</c>) and says what differed. Publishes the
    /// whole truth as one <see cref="QueueMembershipSnapshot"/>: consumers correct their records from it,
    /// so no per-member events are invented here.
    /// </summary>
    public (IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed) Reconcile(
        IReadOnlyList<string> queues, IReadOnlyList<AmiQueueMember> truth, bool asteriskRestarted, List<IContactCenterEvent> output)
    {
        var actual = truth.Select(ToContract).ToDictionary(m => (m.Queue, m.Interface));
        var added = actual.Keys.Where(k => !_members.ContainsKey(k)).Select(Describe).ToList();
        var removed = _members.Keys.Where(k => !actual.ContainsKey(k)).Select(Describe).ToList();
        var changed = actual.Where(a => _members.TryGetValue(a.Key, out var known)
                && (known.Paused != a.Value.Paused || known.PausedReason != a.Value.PausedReason || known.Penalty != a.Value.Penalty))
            .Select(a => Describe(a.Key)).ToList();
        _members.Clear();
        foreach (var (key, member) in actual)
        {
            _members[key] = member;
        }
        output.Add(new QueueMembershipSnapshot(Guid.NewGuid(), _server, _time.GetUtcNow(), queues, actual.Values.ToList(), asteriskRestarted));
        return (added, removed, changed);
    }

    private static string Describe((string Queue, string Interface) key) => $"{key.Queue}/{key.Interface}";

    private static QueueMember ToContract(AmiQueueMember m) =>
        new(m.Queue, m.Interface, m.MemberName, m.StateInterface, m.Penalty, m.Paused, m.PausedReason, m.Status, m.InCall, m.CallsTaken,
            Dynamic: m.Membership == "dynamic");
}
