namespace HomeService.CallCenter.Calls;

// QueueId is null for a call that enters the platform IVR: the caller's choice there decides it.
// EventId is the switch's idempotency key where the event came from the switch; null for the platform's own steps.
public sealed record CallOffered(string? EventId, string Caller, string Dialled, string Trunk, string? IvrChoice, string? QueueId, int Priority, DateTimeOffset At);
public sealed record CallQueued(string QueueId, int Position, int EstimatedWaitSeconds, DateTimeOffset At);
public sealed record CallRinging(string QueueId, IReadOnlyList<string> AgentIds, int RingTimeoutSeconds, int MaxNoAnswers, int WrapUpSeconds, DateTimeOffset At);
/// <summary>Reason: no-answer, rejected, released (another agent answered first), caller-left.</summary>
public sealed record CallRingStopped(string AgentId, string Reason, DateTimeOffset At);
public sealed record CallAnswered(string? EventId, string AgentId, string How, DateTimeOffset At);
public sealed record CallHeld(string AgentId, DateTimeOffset At);
public sealed record CallResumed(string AgentId, DateTimeOffset At);
/// <summary>Note: the transferring agent's words for the next one (older events have none).</summary>
public sealed record CallTransferred(string FromAgentId, string TargetKind, string TargetId, DateTimeOffset At, string? Note = null);
public sealed record CallDigits(string EventId, string Digits, DateTimeOffset At);
public sealed record CallRecordingReady(string EventId, string Url, DateTimeOffset At);
/// <summary>By: caller, agent:&lt;id&gt;, or system (a lost hang-up found by the sanity check).</summary>
public sealed record CallEnded(string? EventId, string By, string Cause, DateTimeOffset At);
public sealed record CallbackOffered(string QueueId, DateTimeOffset At);
public sealed record CallbackRequested(string? EventId, DateTimeOffset At);
public sealed record CallOverflowed(string FromQueueId, string ToQueueId, DateTimeOffset At);
/// <summary>Attended (consult) transfer: the agent puts the caller on hold and rings a colleague first.</summary>
public sealed record CallConsultStarted(string FromAgentId, string TargetAgentId, DateTimeOffset At, string? Note = null);
public sealed record CallConsultAnswered(string TargetAgentId, DateTimeOffset At);
/// <summary>Reason: cancelled, rejected, no-answer or caller-left.</summary>
public sealed record CallConsultEnded(string TargetAgentId, string Reason, DateTimeOffset At);
public sealed record CallConsultCompleted(string FromAgentId, string TargetAgentId, DateTimeOffset At);
