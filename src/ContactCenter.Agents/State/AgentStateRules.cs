using ContactCenter.Contracts.Agents;

namespace ContactCenter.Agents.State;

/// <summary>
/// An agent's overall state from what Asterisk reported: no membership is logged out; the phone ringing or
/// busy wins (a call is what the agent is doing, paused or not); paused in every queue is paused; a wrap-up
/// that has not run out is wrap-up; otherwise available.
/// </summary>
internal static class AgentStateRules
{
    /// <param name="deviceStatus">Asterisk's member status: 1 not in use, 2 in use, 3 busy, 5 unavailable, 6 ringing, 7 ring+in use, 8 on hold.</param>
    public static string Derive(int memberships, int pausedMemberships, int deviceStatus, DateTime? wrapUpUntil, DateTime now)
    {
        if (memberships == 0)
        {
            return AgentState.LoggedOut;
        }
        if (deviceStatus is 6 or 7)
        {
            return AgentState.Ringing;
        }
        if (deviceStatus is 2 or 3 or 8)
        {
            return AgentState.OnCall;
        }
        if (pausedMemberships == memberships)
        {
            return AgentState.Paused;
        }
        return wrapUpUntil is { } until && until > now ? AgentState.WrapUp : AgentState.Available;
    }
}
