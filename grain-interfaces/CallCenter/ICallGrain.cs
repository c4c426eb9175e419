using Orleans.Concurrency;

namespace HomeService.CallCenter;

/// <summary>One call, keyed by the switch's call id. It owns the call's story from offer to hang-up.</summary>
[Alias("HomeService.CallCenter.ICallGrain")]
public interface ICallGrain : IGrainWithStringKey
{
    /// <summary>Read-only, so it may interleave: an agent checking its call never waits on the call waiting on the agent.</summary>
    [AlwaysInterleave, Alias("Get")] Task<CallView> Get();
    /// <summary>
    /// Get, checked against the call's log: for an agent's seat check, which must not trust an activation that missed
    /// the call's end (two activations of one call can live for a moment after a silo dies). Interleaves like Get.
    /// </summary>
    [AlwaysInterleave, Alias("GetFromLog")] Task<CallView> GetFromLog();
    /// <summary>The screen pop again, for a console that reloads while the call rings or is connected.</summary>
    [Alias("GetPop")] Task<ScreenPop> GetPop();

    // Events from the switch (CTI adapter). Each carries the switch's idempotency key.
    [Alias("Offered")] Task<CallView> Offered(CtiCallOffered offer);
    [Alias("Dtmf")] Task<CallView> Dtmf(string eventId, string digits);

    /// <summary>A website callback request (免费网上呼), keyed by its form token: it waits in the queue its topic routes to.</summary>
    [Alias("RequestWebCallback")] Task<CallView> RequestWebCallback(string phone, string topic);

    /// <summary>Where a waiting call stands in its queue (1 = next), or null once it is no longer waiting.</summary>
    [AlwaysInterleave, Alias("WaitingPosition")] Task<QueuePosition?> WaitingPosition();
    [Alias("AgentLegAnswered")] Task<CallView> AgentLegAnswered(string eventId, string agentId);
    [Alias("HungUp")] Task<CallView> HungUp(string eventId, string leg, string cause);
    [Alias("RecordingReady")] Task<CallView> RecordingReady(string eventId, string url);

    // From the queue: ring these agents (one, or every agent for ring-all). One-way, so a queue never waits on a call.
    [OneWay, Alias("Ring")] Task Ring(string queueId, IReadOnlyList<string> agentIds, int ringTimeoutSeconds, int maxNoAnswers, int wrapUpSeconds);

    /// <summary>From the queue: where the caller stands, to be announced (position and estimated wait).</summary>
    [OneWay, Alias("Announce")] Task Announce(string queueId, int position, int estimatedWaitSeconds);
    /// <summary>From the queue: the caller has waited the queue's maximum; move to another queue or offer a callback.</summary>
    [OneWay, Alias("MaxWaitReached")] Task MaxWaitReached(string queueId, string? overflowQueueId, bool offerCallback);

    // From an agent's console.
    [Alias("Accept")] Task<CommandResult<CallView>> Accept(string agentId);
    [Alias("Reject")] Task<CommandResult<CallView>> Reject(string agentId);
    [Alias("Hold")] Task<CommandResult<CallView>> Hold(string agentId);
    [Alias("Unhold")] Task<CommandResult<CallView>> Unhold(string agentId);
    [Alias("Transfer")] Task<CommandResult<CallView>> Transfer(string agentId, TransferTarget target);
    [Alias("Pickup")] Task<CommandResult<CallView>> Pickup(string agentId);
    /// <summary>Attended transfer, step 1: hold the caller and ring a colleague for a word first (咨询).</summary>
    /// <summary>Note: what the agent tells the colleague before they speak; it shows on the colleague's pop.</summary>
    [Alias("Consult")] Task<CommandResult<CallView>> Consult(string agentId, string targetAgentId, string? note = null);
    /// <summary>Attended transfer, step 2: the colleague takes the caller; the agent leaves.</summary>
    [Alias("CompleteTransfer")] Task<CommandResult<CallView>> CompleteTransfer(string agentId);
    /// <summary>The agent drops the consultation and takes the caller back.</summary>
    [Alias("CancelConsult")] Task<CommandResult<CallView>> CancelConsult(string agentId);
    [Alias("HangUp")] Task<CommandResult<CallView>> HangUp(string agentId);
}
