using HomeService.VoiceEdge.Calls;

namespace HomeService.VoiceEdge.Sip;

/// <summary>
/// Call control with sound, all in rtpengine (no re-INVITE to either phone): hold blocks both parties' audio and plays
/// music to the caller; a blind transfer ends the agent's leg and plays the music while the next seat rings, and
/// that seat's answer takes the caller's media.
/// </summary>
public sealed partial class SipEdge
{
    public async Task Hold(CallerLeg call)
    {
        if (call.ConnectedAgent is not { } agent) return;
        await media.BlockMedia(call.CallId, agent.MediaTag);
        await media.BlockMedia(call.CallId, Media.RtpEngine.CallerTag);
        await media.PlayToCallerOnRepeat(call.CallId, await prompts.HoldMusic());
        logger.LogInformation("Call {Call}: on hold", call.CallId);
    }

    public async Task Unhold(CallerLeg call)
    {
        await media.StopMediaToCaller(call.CallId);
        await media.UnblockMedia(call.CallId, Media.RtpEngine.CallerTag);
        if (call.ConnectedAgent is { } agent) await media.UnblockMedia(call.CallId, agent.MediaTag);
        logger.LogInformation("Call {Call}: back from hold", call.CallId);
    }

    /// <summary>
    /// To a colleague's seat ("agent:&lt;seat&gt;"), which the edge rings itself (the platform sends no RingAgent for it),
    /// or to a queue ("queue:&lt;id&gt;"), whose agent the platform rings later. Either way the agent who transferred is
    /// released, and the caller waits with the music.
    /// </summary>
    public async Task BlindTransfer(CallerLeg call, string target)
    {
        if (call.ConnectedAgent is { } agent) await EndAgent(agent);
        await media.UnblockMedia(call.CallId, Media.RtpEngine.CallerTag); // a transfer from hold: the next agent must hear the caller
        await media.StopMediaToCaller(call.CallId);
        await media.PlayToCallerOnRepeat(call.CallId, await prompts.HoldMusic());
        logger.LogInformation("Call {Call}: transferred to {Target}; the caller waits with music", call.CallId, target);
        if (target.StartsWith("agent:", StringComparison.Ordinal)) await Ring(call, target["agent:".Length..]);
    }
}
