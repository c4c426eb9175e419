namespace HomeService.Broadcasts;

public sealed record BroadcastPosted(Guid Id, string Text, string Author, DateTimeOffset PostedAt, DateTimeOffset ExpiresAt);

/// <summary>Reason is "expired" or "retracted".</summary>
public sealed record BroadcastEnded(Guid Id, string Reason, string? Actor, DateTimeOffset At);
