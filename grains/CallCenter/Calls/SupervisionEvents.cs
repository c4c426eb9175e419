namespace HomeService.CallCenter.Calls;

/// <summary>A supervisor joined the call, or switched mode (listen, whisper, barge). Seat: the supervisor's leg at the switch.</summary>
public sealed record CallSupervised(string SupervisorId, string Seat, string Mode, string Reason, DateTimeOffset At);
/// <summary>Reason: left (the supervisor's command) or hung-up (the switch reported the supervisor's leg gone).</summary>
public sealed record CallSupervisionEnded(string SupervisorId, string Reason, DateTimeOffset At);
/// <summary>A supervisor ended the call (强拆); a CallEnded with cause force-released follows.</summary>
public sealed record CallForceReleased(string SupervisorId, string Reason, DateTimeOffset At);
