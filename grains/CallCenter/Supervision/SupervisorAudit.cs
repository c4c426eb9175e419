using HomeService.EventLog;

namespace HomeService.CallCenter.Supervision;

/// <summary>
/// The supervisor seat's audit trail (table supervisor_audit): who did what to whom, when and why. A row is written in
/// the same transaction as the event of the action it records, so an action is never done without its row nor the
/// other way round.
/// </summary>
public static class SupervisorAudit
{
    /// <summary>Actions: listen, whisper, barge, leave, force-release, force-state:&lt;state&gt;.</summary>
    public static ReadModelWrite Row(DateTimeOffset at, string supervisorId, string action, string? targetAgent, string? callId, string? reason) => new("""
        INSERT INTO supervisor_audit (at, supervisor, action, target_agent, call_id, reason) VALUES ($1, $2, $3, $4, $5, $6)
        """, at, supervisorId, action, targetAgent, callId, reason);

    public static string Actor(string supervisorId) => $"supervisor:{supervisorId}";
}
