namespace HomeService.CallCenter;

/// <summary>An agent as the directory knows it: who they are and what they can do.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.AgentProfile")]
public sealed record AgentProfile(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Extension,
    [property: Id(3)] IReadOnlyDictionary<string, int> Skills);

/// <summary>
/// The call center's configuration: queues and agents (key 0). Loaded once from the read tables and kept in
/// memory; the admin back office will change it through this grain.
/// </summary>
[Alias("HomeService.CallCenter.ICallCenterDirectoryGrain")]
public interface ICallCenterDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("GetQueues")] Task<IReadOnlyList<QueueConfig>> GetQueues();
    [Alias("GetQueue")] Task<QueueConfig?> GetQueue(string queueId);
    [Alias("GetAgents")] Task<IReadOnlyList<AgentProfile>> GetAgents();
    [Alias("GetAgent")] Task<AgentProfile?> GetAgent(string agentId);
    /// <summary>Changes a queue's settings; the queue applies them to the calls already waiting.</summary>
    [Alias("UpdateQueue")] Task<CommandResult<QueueConfig>> UpdateQueue(QueueConfig config, string actor);
}
