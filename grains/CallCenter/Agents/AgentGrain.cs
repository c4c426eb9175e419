using HomeService.EventLog;
using HomeService.Realtime;
using HomeService.CallCenter.Supervision;

namespace HomeService.CallCenter.Agents;

/// <summary>
/// Thin shell around <see cref="AgentSeat"/>: records each change, tells the agent's queues (one-way, so a queue
/// that is reserving this agent never waits on itself), pushes the new view to the agent's console and the
/// supervisors, and runs the two seat timers: wrap-up and the browser-presence grace period.
/// </summary>
public sealed class AgentGrain(
    [PersistentState("agent", "Default")] IPersistentState<AgentSeat> state,
    IEventLog log,
    TimeProvider clock,
    CallCenterOptions options) : Grain, IAgentGrain
{
    public static readonly EventCodec Codec = new("agent",
        ("AgentLoggedIn", typeof(AgentLoggedIn)), ("AgentLoggedOut", typeof(AgentLoggedOut)), ("AgentReady", typeof(AgentReady)),
        ("AgentNotReady", typeof(AgentNotReady)), ("AgentReserved", typeof(AgentReserved)), ("AgentAnswered", typeof(AgentAnswered)),
        ("AgentMissedOffer", typeof(AgentMissedOffer)), ("AgentCallEnded", typeof(AgentCallEnded)), ("AgentWrapUpEnded", typeof(AgentWrapUpEnded)));

    private Journal<AgentSeat> _journal = null!;
    private IReadOnlyList<string> _queues = [];
    private IGrainTimer? _wrapUpTimer;
    private IGrainTimer? _presenceTimer;
    private DateTimeOffset _lastHeartbeat;
    private DateTimeOffset _lastSeatCheck;

    private AgentSeat Seat => _journal.State;

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        var id = this.GetPrimaryKeyString();
        _journal = new Journal<AgentSeat>(state, log, Codec, id, this);
        await _journal.CatchUp(ct);
        var directory = GrainFactory.GetGrain<ICallCenterDirectoryGrain>(0);
        if (await directory.GetAgent(id) is { } profile)
        {
            Seat.AgentId = id;
            Seat.Name = profile.Name;
            Seat.Skills = profile.Skills.ToDictionary();
        }
        _queues = (await directory.GetQueues()).Where(q => q.Skills.Any(Seat.Skills.ContainsKey)).Select(q => q.QueueId).ToList();
        _lastHeartbeat = clock.GetUtcNow();
        ArmTimers();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<AgentView> Get() => Task.FromResult(Seat.View());

    public async Task ProfileChanged(AgentProfile profile, IReadOnlyList<string> queues)
    {
        Seat.Name = profile.Name;
        Seat.Skills = profile.Skills.ToDictionary();
        // Old and new queues both hear: a queue the seat no longer reaches drops it, a new one takes it in.
        var told = _queues.Union(queues).ToList();
        _queues = queues;
        var view = Seat.View();
        foreach (var queue in told) await GrainFactory.GetGrain<IQueueGrain>(queue).AgentChanged(view);
        await GrainFactory.Push(PushGroups.Supervisors, "agent.status", view, view.Version);
    }

    public Task<CommandResult<AgentView>> Login()
    {
        _lastHeartbeat = clock.GetUtcNow();
        return Run(Seat.Login(clock.GetUtcNow()), "console");
    }

    public Task<CommandResult<AgentView>> Logout(string reason) => Run(Seat.Logout(reason, clock.GetUtcNow()), "console");

    public Task<CommandResult<AgentView>> Ready() => Run(Seat.Ready(clock.GetUtcNow()), "console");

    /// <summary>The reason must be one the back office offers now (示忙原因), asked of the directory's memory.</summary>
    public async Task<CommandResult<AgentView>> NotReady(string reason) =>
        (await GrainFactory.GetGrain<ICallCenterDirectoryGrain>(0).GetNotReadyReasons()).Any(r => r.Active && r.Code == reason)
            ? await Run(Seat.NotReady(reason, clock.GetUtcNow()), "console")
            : CommandResult<AgentView>.Invalid(new Dictionary<string, string[]> { ["reason"] = ["unknown"] });

    public Task<CommandResult<AgentView>> ForceState(string state, string supervisorId, string reason)
    {
        if (SupervisorReason.Error(reason) is { } bad)
            return Task.FromResult(CommandResult<AgentView>.Invalid(new Dictionary<string, string[]> { ["reason"] = [bad] }));
        var now = clock.GetUtcNow();
        var outcome = state switch
        {
            ForcedAgentStates.LoggedOut => Seat.Logout(NotReadyReasons.Supervisor, now),
            ForcedAgentStates.NotReady => Seat.NotReady(NotReadyReasons.Supervisor, now),
            ForcedAgentStates.Ready => Seat.Ready(now),
            _ => Outcome.Fail("unknown"),
        };
        var audit = SupervisorAudit.Row(now, supervisorId, $"force-state:{state}", Seat.AgentId, Seat.CallId, reason.Trim());
        return Run(outcome, SupervisorAudit.Actor(supervisorId), audit);
    }

    public Task<CommandResult<AgentView>> EndWrapUp() => Run(Seat.EndWrapUp(clock.GetUtcNow()), "console");

    public Task Heartbeat()
    {
        _lastHeartbeat = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public async Task<bool> TryReserve(string callId, string queueId)
    {
        var result = await Run(Seat.Reserve(callId, queueId, clock.GetUtcNow()), $"queue:{queueId}");
        return result.Succeeded;
    }

    public async Task<bool> CallAnswered(string callId) => (await Run(Seat.Answer(callId, clock.GetUtcNow()), $"call:{callId}")).Succeeded;

    public Task OfferMissed(string callId, bool rejected, int maxNoAnswers) =>
        Run(Seat.MissOffer(callId, rejected, maxNoAnswers, clock.GetUtcNow()), $"call:{callId}");

    public Task CallEnded(string callId, int wrapUpSeconds) => Run(Seat.EndCall(callId, wrapUpSeconds, clock.GetUtcNow()), $"call:{callId}");

    /// <param name="audit">A supervisor_audit row, written with the event (none when nothing changed).</param>
    private async Task<CommandResult<AgentView>> Run(Outcome outcome, string actor, ReadModelWrite? audit = null)
    {
        if (outcome.Failed) return CommandResult<AgentView>.Invalid(new Dictionary<string, string[]> { ["status"] = [outcome.Error!] });
        if (outcome.Event is { } e)
        {
            // A reservation lasts the few seconds a phone rings and ends in an answer or a miss, both written: the
            // status row skips it (the grain is the live truth; the wallboard reads grains).
            await _journal.Record(e, actor, clock.GetUtcNow(), _ => e is AgentReserved ? [] : audit is null ? [ReadModel()] : [ReadModel(), audit]);
            ArmTimers();
            await Announce();
        }
        return CommandResult<AgentView>.Ok(Seat.View());
    }

    private ReadModelWrite ReadModel() => new("""
        INSERT INTO agent_status (agent_id, status, reason, call_id, since, calls_handled, talk_seconds)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (agent_id) DO UPDATE SET status = $2, reason = $3, call_id = $4, since = $5, calls_handled = $6, talk_seconds = $7
        """, Seat.AgentId, Seat.Status.ToString(), Seat.NotReadyReason, Seat.CallId, Seat.StatusSince, Seat.CallsHandled, Seat.TalkSeconds);

    private async Task Announce()
    {
        var view = Seat.View();
        foreach (var queue in _queues) await GrainFactory.GetGrain<IQueueGrain>(queue).AgentChanged(view);
        await GrainFactory.Push(PushGroups.Agent(Seat.AgentId), "agent.status", view, view.Version);
        await GrainFactory.Push(PushGroups.Supervisors, "agent.status", view, view.Version);
    }

    /// <summary>Timers are re-armed on activation, so they survive a silo failure with the state they guard.</summary>
    private void ArmTimers()
    {
        _wrapUpTimer?.Dispose();
        _wrapUpTimer = null;
        if (Seat.Status == AgentStatus.AfterCallWork && Seat.WrapUpEndsAt is { } ends)
        {
            var due = ends - clock.GetUtcNow();
            _wrapUpTimer = this.RegisterGrainTimer(async () => await Run(Seat.EndWrapUp(clock.GetUtcNow()), "system:wrap-up"),
                new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }

        if (Seat.Status == AgentStatus.Offline)
        {
            _presenceTimer?.Dispose();
            _presenceTimer = null;
        }
        else
        {
            _presenceTimer ??= this.RegisterGrainTimer(CheckPresence,
                new GrainTimerCreationOptions(options.PresenceCheckEvery, options.PresenceCheckEvery) { KeepAlive = true });
        }
    }

    /// <summary>
    /// A seat ringing or on a call for a while asks the call whether it still holds the seat. If the call's silo died
    /// between reserving the seat and ringing it, or between ending and telling the agent, the call no longer knows the
    /// agent, and the seat is freed instead of staying held for good. The call answers from its log, not from memory:
    /// an activation that missed its own end (a second one, after a silo died) would still say "connected".
    /// </summary>
    private async Task ReleaseSeatIfOrphaned()
    {
        var now = clock.GetUtcNow();
        if (Seat.Status is not (AgentStatus.Ringing or AgentStatus.OnCall) || Seat.CallId is not { } callId) return;
        if (now - Seat.StatusSince < options.SeatHeldCheckAfter || now - _lastSeatCheck < options.SeatHeldCheckAfter) return;
        _lastSeatCheck = now;
        var call = await GrainFactory.GetGrain<ICallGrain>(callId).GetFromLog();
        var me = Seat.AgentId;
        var held = Seat.Status == AgentStatus.Ringing
            ? call.Status == CallStatus.Ringing && call.RingingAgents.Contains(me)
            : call.Status != CallStatus.Ended && (call.AgentId == me || call.ConsultAgentId == me
                || (await GrainFactory.GetGrain<ICallConferenceGrain>(callId).GetLegs()).Parties.Any(p => p.Connected && p.Kind == PartyKinds.Agent && p.TargetId == me));
        if (held) return;
        if (Seat.Status == AgentStatus.Ringing) await Run(Seat.MissOffer(callId, rejected: true, int.MaxValue, now), "system:seat-check");
        else await Run(Seat.EndCall(callId, 0, now), "system:seat-check");
    }

    /// <summary>An agent whose console has gone quiet for the grace period is logged out (not while on a call).</summary>
    private async Task CheckPresence()
    {
        await ReleaseSeatIfOrphaned();
        if (clock.GetUtcNow() - _lastHeartbeat < options.PresenceGrace) return;
        if (Seat.Status is AgentStatus.OnCall or AgentStatus.Ringing or AgentStatus.Offline) return;
        await Run(Seat.Logout("console-gone", clock.GetUtcNow()), "system:presence");
    }
}
