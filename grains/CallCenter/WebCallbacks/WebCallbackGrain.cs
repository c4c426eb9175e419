using HomeService.Members;

namespace HomeService.CallCenter.WebCallbacks;

/// <summary>
/// Decides, one request at a time per number, whether a website callback is queued: the rule used to be a SELECT in the
/// page, which two posts at once both passed. Not reentrant, so the check and the queuing are one step.
/// </summary>
public sealed class WebCallbackGrain(
    [PersistentState("webcallback", "Default")] IPersistentState<WebCallbackState> state) : Grain, IWebCallbackGrain
{
    private string Phone => this.GetPrimaryKeyString();

    public async Task<WebCallbackTicket> Request(string callId, string topic, string? code)
    {
        var repeat = state.State.LatestCallId == callId;
        // The code is checked before anything else, so a stranger cannot even learn that a number has a request waiting.
        if (!repeat && code is not null
            && await GrainFactory.GetGrain<IPhoneVerificationGrain>(Phone).Verify(VerificationPurposes.Callback, code) is var outcome
            && outcome != VerificationOutcome.Accepted)
            return new WebCallbackTicket(null, AlreadyWaiting: false, CodeRefused: outcome);
        if (state.State.LatestCallId is { } latest && !repeat
            && WebCallbackRules.IsOpen(await GrainFactory.GetGrain<ICallGrain>(latest).Get()))
            return new WebCallbackTicket(latest, AlreadyWaiting: true);
        if (!repeat)
        {
            // Written before the call is queued: if queuing fails, the stored id names a call that never opened, which
            // the next request passes over; the other order could leave an open call this grain does not know of.
            state.State.LatestCallId = callId;
            await state.WriteStateAsync();
        }
        // The same form posted again (a double click) is the same request; the call grain takes it once.
        await GrainFactory.GetGrain<ICallGrain>(callId).RequestWebCallback(Phone, topic);
        return new WebCallbackTicket(callId, AlreadyWaiting: false);
    }
}
