namespace HomeService.CallCenter.Calls;

/// <summary>One supervisor's leg on the call. A plain class: grain state is stored as JSON.</summary>
public sealed class SupervisorLeg
{
    public string SupervisorId { get; set; } = "";
    public string Seat { get; set; } = "";
    public string Mode { get; set; } = "";
    public DateTimeOffset Since { get; set; }
}

public sealed partial class CallState
{
    public List<SupervisorLeg> SupervisorLegs { get; set; } = [];

    public SupervisorLeg? SupervisorLegOf(string supervisorId) => SupervisorLegs.FirstOrDefault(s => s.SupervisorId == supervisorId);

    /// <summary>What the agents on the call are shown: barge before whisper; a silent monitor is never shown.</summary>
    public string? ModeSeenByAgent =>
        SupervisorLegs.Any(s => s.Mode == SupervisionModes.Barge) ? SupervisionModes.Barge
        : SupervisorLegs.Any(s => s.Mode == SupervisionModes.Whisper) ? SupervisionModes.Whisper
        : null;

    public CallSupervisionView SupervisionView() => new(CallId, Status, AgentId,
        IsLive ? SupervisorLegs.Select(s => new SupervisorOnCall(s.SupervisorId, s.Mode, s.Since)).ToList() : [],
        ConnectedParties.Count(), Version);

    /// <summary>Folds this feature's events; false when the event is not one of them.</summary>
    private bool ApplySupervision(object e)
    {
        switch (e)
        {
            case CallSupervised x:
                if (SupervisorLegOf(x.SupervisorId) is { } leg) leg.Mode = x.Mode;
                else SupervisorLegs.Add(new SupervisorLeg { SupervisorId = x.SupervisorId, Seat = x.Seat, Mode = x.Mode, Since = x.At });
                Note(null, x.At, "supervised", $"{x.SupervisorId} {x.Mode}");
                return true;
            case CallSupervisionEnded x:
                SupervisorLegs.RemoveAll(s => s.SupervisorId == x.SupervisorId);
                Note(null, x.At, "supervision-ended", $"{x.SupervisorId} {x.Reason}");
                return true;
            case CallForceReleased x:
                Note(null, x.At, "force-released", x.SupervisorId);
                return true;
            default:
                return false;
        }
    }
}
