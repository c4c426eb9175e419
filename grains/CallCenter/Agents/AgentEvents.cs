namespace HomeService.CallCenter.Agents;

public sealed record AgentLoggedIn(DateTimeOffset At);
public sealed record AgentLoggedOut(string Reason, DateTimeOffset At);
public sealed record AgentReady(DateTimeOffset At);
public sealed record AgentNotReady(string Reason, DateTimeOffset At);
public sealed record AgentReserved(string CallId, string QueueId, DateTimeOffset At);
public sealed record AgentAnswered(string CallId, DateTimeOffset At);
/// <summary>An offer that rang out or was rejected; after too many in a row the agent goes NotReady.</summary>
public sealed record AgentMissedOffer(string CallId, bool Rejected, bool NowNotReady, DateTimeOffset At);
public sealed record AgentCallEnded(string CallId, int TalkSeconds, DateTimeOffset? WrapUpEndsAt, DateTimeOffset At);
public sealed record AgentWrapUpEnded(DateTimeOffset At);
