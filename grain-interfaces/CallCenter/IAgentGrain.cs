namespace HomeService.CallCenter;

/// <summary>One agent's seat. Key: the agent id (A001 …). The seat is logical: any browser can sign in to it.</summary>
[Alias("HomeService.CallCenter.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<AgentView> Get();

    // From the agent's console.
    [Alias("Login")] Task<CommandResult<AgentView>> Login();
    [Alias("Logout")] Task<CommandResult<AgentView>> Logout(string reason);
    [Alias("Ready")] Task<CommandResult<AgentView>> Ready();
    [Alias("NotReady")] Task<CommandResult<AgentView>> NotReady(string reason);
    [Alias("EndWrapUp")] Task<CommandResult<AgentView>> EndWrapUp();
    /// <summary>The console is still open. Without it for the grace period the agent is logged out.</summary>
    [Alias("Heartbeat")] Task Heartbeat();

    /// <summary>
    /// The supervisor seat sets the agent's state (强制签出/置忙/就绪): state is logged-out, not-ready or ready, allowed
    /// where the agent could do it themselves (not mid-call). Recorded with a supervisor_audit row.
    /// </summary>
    [Alias("ForceState")] Task<CommandResult<AgentView>> ForceState(string state, string supervisorId, string reason);

    /// <summary>The back office changed the seat (name, skills) or which queues its skills reach; the agent keeps its state.</summary>
    [Alias("ProfileChanged")] Task ProfileChanged(AgentProfile profile, IReadOnlyList<string> queues);

    // From queues and calls.
    /// <summary>Takes the agent for a call if Available; false otherwise. The only way an agent gets a call.</summary>
    [Alias("TryReserve")] Task<bool> TryReserve(string callId, string queueId);
    [Alias("CallAnswered")] Task<bool> CallAnswered(string callId);
    [Alias("OfferMissed")] Task OfferMissed(string callId, bool rejected, int maxNoAnswers);
    [Alias("CallEnded")] Task CallEnded(string callId, int wrapUpSeconds);
}
