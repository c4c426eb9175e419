using HomeService.CallCenter.Supervision;
using HomeService.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace HomeService.CallCenter.Calls;

/// <summary>
/// The supervisor seat (班长席) on a call: monitor, whisper, barge, leave, force release. Each command sends the switch
/// command first (a refused command changes nothing), then records the event with its audit row in one transaction,
/// then tells the supervisors' wallboards and, when the agent can hear the supervisor, the agent's console.
/// </summary>
public sealed partial class CallGrain : ICallSupervisionGrain
{
    /// <summary>A property, not a field: the codec reads it while statics initialise, in no set order across partial files.</summary>
    private static (string Name, Type Type)[] SupervisionEvents =>
        [("CallSupervised", typeof(CallSupervised)), ("CallSupervisionEnded", typeof(CallSupervisionEnded)),
        ("CallForceReleased", typeof(CallForceReleased))];

    public Task<CallSupervisionView> GetSupervision() => Task.FromResult(Call.SupervisionView());

    public async Task<CommandResult<CallSupervisionView>> Monitor(string supervisorId, string mode, string reason)
    {
        if (SupervisionRules.ReasonError(reason) is { } bad) return SupervisionRefused("reason", bad);
        if (SupervisionRules.Monitor(Call.Status, mode) is { } refused) return SupervisionRefused("call", refused);
        if (Call.SupervisorLegOf(supervisorId)?.Mode == mode) return SupervisionOk(); // already so: nothing to do, nothing to audit
        var seat = Call.SupervisorLegOf(supervisorId)?.Seat ?? SupervisorSeat(supervisorId);
        try
        {
            await gateway.Supervise(CallId, seat, mode);
        }
        catch (NotSupportedException)
        {
            // The switch cannot do it (the sip gateway supervises nothing yet, and without a mixer never whisper or barge).
            return SupervisionRefused("call", "switch-cannot");
        }
        await RecordSupervision(new CallSupervised(supervisorId, seat, mode, reason.Trim(), Now), supervisorId, mode, reason.Trim());
        return SupervisionOk();
    }

    public async Task<CommandResult<CallSupervisionView>> LeaveSupervision(string supervisorId)
    {
        var leg = Call.IsLive ? Call.SupervisorLegOf(supervisorId) : null;
        if (SupervisionRules.Leave(leg is not null) is { } refused) return SupervisionRefused("call", refused);
        await gateway.HangUp(CallId, leg!.Seat);
        await RecordSupervision(new CallSupervisionEnded(supervisorId, "left", Now), supervisorId, "leave", null);
        return SupervisionOk();
    }

    public async Task<CommandResult<CallSupervisionView>> ForceRelease(string supervisorId, string reason)
    {
        if (SupervisionRules.ReasonError(reason) is { } bad) return SupervisionRefused("reason", bad);
        if (SupervisionRules.ForceRelease(Call.Status) is { } refused) return SupervisionRefused("call", refused);
        await gateway.HangUp(CallId, "caller"); // the caller's leg carries the call: every other leg goes with it
        await RecordSupervision(new CallForceReleased(supervisorId, reason.Trim(), Now), supervisorId, "force-release", reason.Trim());
        // The normal end: the agent goes to wrap-up, their console hears the call ended, the wallboard sees the seat change.
        await End(null, SupervisorAudit.Actor(supervisorId), "force-released");
        return SupervisionOk();
    }

    /// <summary>Hook in HungUp: a supervisor's own leg dropped at the switch. True when the leg was a supervisor's.</summary>
    private async Task<bool> SupervisorLegLeft(string leg)
    {
        if (Call.SupervisorLegs.FirstOrDefault(s => s.Seat == leg) is not { } gone) return false;
        await _journal.Record(new CallSupervisionEnded(gone.SupervisorId, "hung-up", Now), null, Now, _ => []);
        await AnnounceSupervision();
        return true;
    }

    private async Task RecordSupervision(object e, string supervisorId, string action, string? reason)
    {
        var audit = SupervisorAudit.Row(Now, supervisorId, action, Call.AgentId, CallId, reason);
        await _journal.Record(e, SupervisorAudit.Actor(supervisorId), Now, _ => [audit]);
        ArmTimers();
        await AnnounceSupervision();
    }

    /// <summary>
    /// Wallboards get who supervises the call; the agents on it get the legs view, which shows whisper and barge only
    /// (most centers do not tell agents about a silent monitor, and neither do we).
    /// </summary>
    private async Task AnnounceSupervision()
    {
        await GrainFactory.Push(PushGroups.Supervisors, "call.supervision", Call.SupervisionView(), Call.Version);
        await AnnounceLegs();
    }

    private string SupervisorSeat(string supervisorId) =>
        ActivatorUtilities.GetServiceOrCreateInstance<SupervisorSeats>(ServiceProvider).SeatOf(supervisorId);

    private CommandResult<CallSupervisionView> SupervisionOk() => CommandResult<CallSupervisionView>.Ok(Call.SupervisionView());

    private static CommandResult<CallSupervisionView> SupervisionRefused(string field, string code) =>
        CommandResult<CallSupervisionView>.Invalid(new Dictionary<string, string[]> { [field] = [code] });
}
