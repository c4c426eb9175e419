namespace HomeService.CallCenter.Calls;

/// <summary>The platform asked the switch to record the call (自动录音) when caller and agent were connected.</summary>
public sealed record CallRecordingStarted(string? AgentId, DateTimeOffset At);
public sealed record CallRecordingStopped(DateTimeOffset At);

/// <summary>Caller and agent were connected but not recorded: the call's queue has recording switched off.</summary>
public sealed record CallRecordingSkipped(string QueueId, DateTimeOffset At);
