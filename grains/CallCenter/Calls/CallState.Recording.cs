namespace HomeService.CallCenter.Calls;

public sealed partial class CallState
{
    /// <summary>The switch is recording the call now.</summary>
    public bool RecordingOn { get; set; }
    public DateTimeOffset? RecordingStartedAt { get; set; }
    public DateTimeOffset? RecordingStoppedAt { get; set; }
    /// <summary>The queue whose recording was switched off when the call was connected; null once a recording started.</summary>
    public string? RecordingSkippedFor { get; set; }

    /// <summary>Folds this feature's events; false when the event is not one of them.</summary>
    private bool ApplyRecording(object e)
    {
        switch (e)
        {
            case CallRecordingStarted x:
                (RecordingOn, RecordingStartedAt, RecordingStoppedAt, RecordingSkippedFor) = (true, x.At, null, null);
                Note(null, x.At, "recording-started", x.AgentId);
                return true;
            case CallRecordingStopped x:
                (RecordingOn, RecordingStoppedAt) = (false, x.At);
                Note(null, x.At, "recording-stopped", null);
                return true;
            case CallRecordingSkipped x:
                RecordingSkippedFor = x.QueueId;
                Note(null, x.At, "recording-off", x.QueueId);
                return true;
            default:
                return false;
        }
    }
}
