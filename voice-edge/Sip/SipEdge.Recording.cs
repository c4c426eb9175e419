using HomeService.VoiceEdge.Calls;
using HomeService.VoiceEdge.Media;

namespace HomeService.VoiceEdge.Sip;

/// <summary>
/// Recording: the edge subscribes to the caller's and the connected agent's audio, follows the call to the next agent
/// after a transfer, and when the recording stops (or the call ends) uploads the mixed WAV for the platform to keep.
/// </summary>
public sealed partial class SipEdge
{
    public async Task StartRecording(CallerLeg call)
    {
        if (call.Recording is not null || call.ConnectedAgent is not { } agent) return;
        call.Recording = new CallRecording();
        await Follow(call, agent);
        logger.LogInformation("Call {Call}: recording", call.CallId);
    }

    /// <summary>Points the recording at this agent: a new subscription to caller and agent on the same ports.</summary>
    private async Task Follow(CallerLeg call, AgentLeg agent)
    {
        if (call.Recording is not { } recording) return;
        if (recording.SubscriptionTag is { } old) await media.Unsubscribe(call.CallId, old);
        var (_, tag) = await media.Subscribe(call.CallId, [Media.RtpEngine.CallerTag, agent.MediaTag]);
        recording.SubscriptionTag = tag;
        await media.AnswerSubscription(call.CallId, tag, recording.AnswerSdp());
    }

    /// <summary>Stops the recording and hands the file to the platform; nothing to do when none is running.</summary>
    public async Task StopRecording(CallerLeg call)
    {
        if (call.Recording is not { } recording) return;
        call.Recording = null;
        var wav = await recording.Finish();
        logger.LogInformation("Call {Call}: recording stopped ({Bytes} bytes)", call.CallId, wav.Length);
        _ = Task.Run(() => Report(call.CallId, () => platform.StoreRecording(call.CallId, wav)));
    }
}
