namespace HomeService.CallCenter.Calls;

/// <summary>
/// What the supervisor seat may do to a call, as error codes (null: allowed). Only a call someone is talking on
/// (Connected or OnHold) can be monitored, whispered to, barged into or force-released; every command needs a reason.
/// </summary>
public static class SupervisionRules
{
    /// <summary>"required" or "max_length:200" for a missing or too long reason, else null.</summary>
    public static string? ReasonError(string? reason) => SupervisorReason.Error(reason);

    public static bool Supervisable(CallStatus status) => status is CallStatus.Connected or CallStatus.OnHold;

    /// <summary>Joining or switching mode.</summary>
    public static string? Monitor(CallStatus status, string mode) =>
        !SupervisionModes.All.Contains(mode) ? "unknown-mode"
        : !Supervisable(status) ? "not-supervisable"
        : null;

    public static string? ForceRelease(CallStatus status) => Supervisable(status) ? null : "not-supervisable";

    public static string? Leave(bool onCall) => onCall ? null : "not-supervising";

    /// <summary>A supervisor who has no configured extension gets a soft seat named after the login (a WebRTC-style seat id).</summary>
    public static string DefaultSeat(string supervisorId) => $"sup-{supervisorId}";
}
