using Microsoft.Extensions.Logging;
using HomeService.EventLog;
using HomeService.CallCenter.Recording;

namespace HomeService.CallCenter.Calls;

/// <summary>
/// Automatic recording (自动录音): the switch records from the moment caller and agent are connected until the call
/// ends, unless the call's queue has recording switched off. The switch later reports the file ("recording ready");
/// that event writes the <c>call_recording</c> row the recordings list and playback read, in the same transaction.
/// </summary>
public sealed partial class CallGrain
{
    /// <summary>A property, not a field: the codec reads it while statics initialise, in no set order across partial files.</summary>
    private static (string Name, Type Type)[] RecordingEvents =>
        [("CallRecordingStarted", typeof(CallRecordingStarted)), ("CallRecordingStopped", typeof(CallRecordingStopped)),
        ("CallRecordingSkipped", typeof(CallRecordingSkipped))];

    /// <summary>On every connection to an agent; a call already recording (answered again after a transfer) goes on as it is.</summary>
    private async Task StartRecording()
    {
        if (Call.RecordingOn) return;
        var queue = Call.QueueId ?? IRecordingPolicyGrain.OutboundQueue;
        if (!await GrainFactory.GetGrain<IRecordingPolicyGrain>(0).Records(queue))
        {
            // Said once, so the recordings list can tell why this answered call has no recording.
            if (Call.RecordingSkippedFor != queue) await Record(new CallRecordingSkipped(queue, Now));
            return;
        }
        try
        {
            await gateway.StartRecording(CallId);
        }
        catch (NotSupportedException e)
        {
            // A gateway that cannot record (the sip gateway so far) says so; the call goes on unrecorded, and the
            // answer that led here is not failed for it.
            logger.LogWarning("Call {Call} is not recorded: {Reason}", CallId, e.Message);
            return;
        }
        await Record(new CallRecordingStarted(Call.AgentId, Now));
    }

    /// <summary>When the call ends: the recording stops with it.</summary>
    private async Task StopRecording()
    {
        if (!Call.RecordingOn) return;
        await gateway.StopRecording(CallId);
        await Record(new CallRecordingStopped(Now));
    }

    /// <summary>A caller's message left in the IVR (留言) is listed under this queue id, apart from agent calls.</summary>
    private const string VoicemailQueue = "voicemail";

    /// <summary>The recording's row, for the "recording ready" event only.</summary>
    private IEnumerable<ReadModelWrite> RecordingReadModel(object e)
    {
        if (e is not CallRecordingReady ready) yield break;
        int? duration = Call.RecordingStartedAt is { } started && Call.RecordingStoppedAt is { } stopped
            ? (int)Math.Round((stopped - started).TotalSeconds)
            : null;
        yield return new ReadModelWrite("""
            INSERT INTO call_recording (call_id, url, agent_id, queue_id, caller, started_at, ready_at, duration)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (call_id, url) DO NOTHING
            """, CallId, ready.Url, Call.AgentId ?? LastAgent(), Call.QueueId ?? (Call.InVoicemail ? VoicemailQueue : IRecordingPolicyGrain.OutboundQueue), Call.Caller,
            Call.RecordingStartedAt, ready.At, duration);
    }
}
