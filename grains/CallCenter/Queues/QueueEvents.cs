namespace HomeService.CallCenter.Queues;

public sealed record CallEnqueued(WaitingCall Call);

/// <summary>Reason: answered, abandoned, overflow, callback or ended.</summary>
public sealed record CallLeftQueue(string CallId, string Reason, DateTimeOffset At);
