using Orleans.Concurrency;

namespace HomeService.CallCenter.Recording;

/// <summary>
/// Which queues record their calls (自动录音), one per center (key 0). Kept in memory so the call grain asks it on
/// every connection without touching the database; a change is written through before it is acknowledged.
/// </summary>
[Alias("HomeService.CallCenter.Recording.IRecordingPolicyGrain")]
public interface IRecordingPolicyGrain : IGrainWithIntegerKey
{
    /// <summary>Agent outbound calls are looked up under this queue id.</summary>
    public const string OutboundQueue = "outbound";

    /// <summary>Whether calls of the queue are recorded: yes unless switched off.</summary>
    [ReadOnly, Alias("Records")] Task<bool> Records(string queueId);

    [Alias("Set")] Task Set(string queueId, bool enabled, string actor);
}
