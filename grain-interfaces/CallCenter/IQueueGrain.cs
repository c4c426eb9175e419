using Orleans.Concurrency;

namespace HomeService.CallCenter;

/// <summary>
/// One ACD queue. Key: the queue id. It holds the waiting calls (durably, in order) and a live roster of the
/// agents who may serve it, and matches the two whenever either side changes.
/// </summary>
[Alias("HomeService.CallCenter.IQueueGrain")]
public interface IQueueGrain : IGrainWithStringKey
{
    [Alias("Enqueue")] Task<QueuePosition> Enqueue(QueueRequest request);
    /// <summary>The call left without an agent (caller hung up, overflowed, took a callback).</summary>
    [Alias("Leave")] Task Leave(string callId, string reason);
    /// <summary>An offer to an agent failed; the call goes back to its place at the front. False if the call is not waiting here.</summary>
    [Alias("Requeue")] Task<bool> Requeue(string callId, string missedAgentId);
    /// <summary>
    /// The call was answered; it is no longer waiting. One-way: an answer must not wait behind a burst of new callers
    /// in the queue's inbox. The queue already treats the call as offered, so it is never offered again meanwhile, and
    /// a queue that restarts before hearing this asks each of its calls how it stands.
    /// </summary>
    [OneWay, Alias("Answered")] Task Answered(string callId, string agentId);
    [OneWay, Alias("AgentChanged")] Task AgentChanged(AgentView agent);
    [OneWay, Alias("Reconfigure")] Task Reconfigure(QueueConfig config);
    [Alias("GetView")] Task<QueueView> GetView();
    [Alias("GetPosition")] Task<QueuePosition> GetPosition(string callId);
}
