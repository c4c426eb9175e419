using HomeService.EventLog;
using HomeService.Realtime;
using HomeService.Telephony;
using Microsoft.Extensions.Logging;

namespace HomeService.CallCenter.Campaigns;

/// <summary>
/// One IVR outbound campaign. While running it ticks on a grain timer (re-armed by a reminder after a restart),
/// asks <see cref="CampaignDialer"/> which numbers are due, has the switch dial them and hands each call to its call
/// grain (again on every tick until the grain confirms), which reports back what the call came to until this confirms. A follow-up campaign's final results go to the work-order
/// engine through <see cref="IFollowUpResultSink"/>.
/// </summary>
public sealed class CampaignGrain(
    [PersistentState("campaign", "Default")] IPersistentState<Campaign> state,
    IEventLog log,
    ICtiGateway gateway,
    IFollowUpResultSink followUps,
    TimeProvider clock,
    CampaignOptions options,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain, IRemindable
{
    public static readonly EventCodec Codec = new("campaign",
        ("CampaignCreated", typeof(CampaignCreated)), ("CampaignStarted", typeof(CampaignStarted)), ("CampaignPaused", typeof(CampaignPaused)),
        ("CampaignFinished", typeof(CampaignFinished)), ("CampaignCallPlaced", typeof(CampaignCallPlaced)),
        ("CampaignAttemptSettled", typeof(CampaignAttemptSettled)), ("CampaignResultHanded", typeof(CampaignResultHanded)));

    private const string WakeReminder = "campaign-wake";
    private Journal<Campaign> _journal = null!;
    private IGrainTimer? _tick;
    private readonly SortedSet<int> _changed = new();
    // Targets whose call grain has not confirmed it took the call (its silo may have died mid-hand-over): each tick asks
    // again. After an activation every call in flight is asked, as nothing says the hand-over before the crash returned.
    private readonly HashSet<int> _unconfirmed = new();
    private bool _statusChanged;

    private Campaign C => _journal.State;
    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<Campaign>(state, log, Codec, this.GetPrimaryKeyString(), this);
        await _journal.CatchUp(ct);
        C.Id = this.GetPrimaryKeyString();
        _unconfirmed.UnionWith(C.Targets.Where(t => t.InFlight && t.InFlightCallId is not null).Select(t => t.No));
        ArmTick();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<CampaignView?> Get() => Task.FromResult(C.Exists ? C.View() : null);

    public async Task<CommandResult<CampaignView>> Create(CampaignSpec spec)
    {
        if (C.Exists) return Refuse("campaign", "exists");
        var errors = CampaignSpecRules.Check(spec);
        if (errors.Count > 0) return CommandResult<CampaignView>.Invalid(errors);
        await Record(new CampaignCreated(spec, Now), spec.CreatedBy);
        await PushProgress();
        return CommandResult<CampaignView>.Ok(C.View());
    }

    public async Task<CommandResult<CampaignView>> Start(string actor)
    {
        if (!C.Exists) return Refuse("campaign", "unknown");
        if (C.Status == Campaign.Finished) return Refuse("status", $"not-allowed-from:{C.Status}");
        if (C.Status != Campaign.Running) await Record(new CampaignStarted(actor, Now), actor);
        await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        ArmTick();
        await PushProgress();
        return CommandResult<CampaignView>.Ok(C.View());
    }

    public async Task<CommandResult<CampaignView>> Pause(string actor)
    {
        if (!C.Exists) return Refuse("campaign", "unknown");
        if (C.Status != Campaign.Running) return Refuse("status", $"not-allowed-from:{C.Status}");
        // Calls already in flight go on and report back; no new ones start.
        await Record(new CampaignPaused(actor, Now), actor);
        await Sleep();
        ArmTick(); // only while results still wait for their orders
        await PushProgress();
        return CommandResult<CampaignView>.Ok(C.View());
    }

    public async Task CallSettled(int targetNo, string callId, string outcome, string? digits)
    {
        if (CampaignDialer.Settle(C, targetNo, callId, outcome, digits, Now) is not { } settled) return;
        await Record(settled, $"call:{callId}");
        if (settled.Result is not null) await HandOver(targetNo);
        await Tick(); // a free line: the next number need not wait for the timer
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (C.Status == Campaign.Running || CampaignDialer.PendingHandOvers(C).Count > 0) ArmTick();
        else await Sleep();
    }

    private async Task Tick()
    {
        foreach (var pending in CampaignDialer.PendingHandOvers(C)) await HandOver(pending.No);
        await ConfirmHandOvers();
        foreach (var quiet in CampaignDialer.QuietCalls(C, Now, options.QuietCallAfter).Where(t => !_unconfirmed.Contains(t.No))) await AskQuietCall(quiet);
        if (C.Status != Campaign.Running)
        {
            if (CampaignDialer.PendingHandOvers(C).Count == 0) await Sleep(); // a finished or paused campaign ticks only to hand over
            return;
        }
        foreach (var target in CampaignDialer.Due(C, Now))
        {
            string? callId = null;
            try
            {
                callId = await gateway.Originate(target.Number, null, $"campaign:{C.Id}");
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Campaign {Campaign}: the switch refused to dial target {Target}", C.Id, target.No);
            }
            await Record(new CampaignCallPlaced(target.No, callId, target.Attempts + 1, Now), "system:dialer");
            if (callId is null)
            {
                await Record(CampaignDialer.Settle(C, target.No, null, CampaignOutcomes.SwitchError, null, Now)!, "system:dialer");
                if (target.Done) await HandOver(target.No);
                continue;
            }
            if (!await HandToCall(target, callId)) _unconfirmed.Add(target.No);
        }
        if (CampaignDialer.IsFinished(C))
        {
            await Record(new CampaignFinished(Now), "system:dialer");
            if (CampaignDialer.PendingHandOvers(C).Count == 0) await Sleep(); // else the timer goes on handing over
        }
        await PushProgress();
    }

    /// <summary>
    /// Hands a placed call to its call grain (a repeat is fine there). False when no answer came back: unknown whether it
    /// took the call, so it is asked again. A call id already another call's settles the attempt as a switch error.
    /// </summary>
    private async Task<bool> HandToCall(CampaignTarget target, string callId)
    {
        bool started;
        try
        {
            started = await GrainFactory.GetGrain<ICallOutboundGrain>(callId).StartCampaignCall(C.Id, target.No, target.Number, C.Spec!.Prompt);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Campaign {Campaign}: call {Call} for target {Target} did not confirm its start; asked again next tick", C.Id, callId, target.No);
            return false;
        }
        if (!started && CampaignDialer.Settle(C, target.No, callId, CampaignOutcomes.SwitchError, null, Now) is { } settled)
        {
            logger.LogWarning("Campaign {Campaign}: the switch gave call id {Call}, already another call's", C.Id, callId);
            await Record(settled, "system:dialer");
            if (target.Done) await HandOver(target.No);
        }
        return true;
    }

    private async Task ConfirmHandOvers()
    {
        foreach (var no in _unconfirmed.ToList())
        {
            if (C.Target(no) is not { InFlight: true, InFlightCallId: { } callId } target || await HandToCall(target, callId)) _unconfirmed.Remove(no);
        }
    }

    /// <summary>Tells supervisors' screens what changed since the last push; nothing when nothing did.</summary>
    private async Task PushProgress()
    {
        if (_changed.Count == 0 && !_statusChanged) return;
        var changed = _changed.Select(no => C.Target(no)!).Select(t => Campaign.TargetView(t) with { Number = PersonalData.MaskPhone(t.Number) }).ToList();
        _statusChanged = false;
        _changed.Clear();
        await GrainFactory.Push(PushGroups.Supervisors, "campaign.updated", new CampaignProgress(C.Id, C.Status, C.Targets.Count,
            C.Targets.Count(t => t.Done), C.Targets.Count(t => t.Result == CampaignOutcomes.Answered), changed), C.Version);
    }

    /// <summary>
    /// A call in flight that has not reported for a while: settled with the outcome the call recorded (its report was
    /// lost), as a switch error (tried again) when the call never came to be, or as failed when it ended unsettled; a
    /// call still live is left to go on.
    /// </summary>
    private async Task AskQuietCall(CampaignTarget target)
    {
        var callId = target.InFlightCallId!;
        var status = await GrainFactory.GetGrain<ICallOutboundGrain>(callId).GetCampaignCallStatus();
        if (status.Known && status.Live) return;
        // Never recorded: the attempt did not happen (tried again); ended without a result: failed.
        var outcome = !status.Known ? CampaignOutcomes.SwitchError : status.Outcome ?? CampaignOutcomes.Failed;
        if (CampaignDialer.Settle(C, target.No, callId, outcome, status.Digits, Now) is not { } settled) return;
        logger.LogWarning("Campaign {Campaign}: call {Call} for target {Target} was quiet; settled as {Outcome}", C.Id, callId, target.No, outcome);
        await Record(settled, "system:dialer");
        if (target.Done) await HandOver(target.No);
    }

    /// <summary>
    /// A follow-up number's final result goes to its order. A failure is logged and tried again on the next tick; the
    /// hand-over is recorded, so a result is handed over at least once (the order ignores a repeat within a minute and
    /// keeps a later one as a note).
    /// </summary>
    private async Task HandOver(int targetNo)
    {
        var target = C.Target(targetNo)!;
        if (C.Spec!.Kind != CampaignSpec.FollowUp || target.OrderNo is not { } orderNo || target.Handed) return;
        try
        {
            var answered = target.Result == CampaignOutcomes.Answered;
            await followUps.Deliver(orderNo, answered ? int.Parse(target.Digits!) : null, !answered, C.Id);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Campaign {Campaign}: the follow-up result of order {Order} was not handed over; trying again", C.Id, orderNo);
            return;
        }
        await Record(new CampaignResultHanded(targetNo, Now), "system:dialer");
    }

    private void ArmTick()
    {
        if ((C.Status != Campaign.Running && CampaignDialer.PendingHandOvers(C).Count == 0) || _tick is not null) return;
        _tick = this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.Zero, options.TickEvery) { KeepAlive = true });
    }

    private async Task Sleep()
    {
        _tick?.Dispose();
        _tick = null;
        if (await this.GetReminder(WakeReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private Task Record(object e, string actor)
    {
        switch (e)
        {
            case CampaignCallPlaced x: _changed.Add(x.TargetNo); break;
            case CampaignAttemptSettled x: _changed.Add(x.TargetNo); break;
            case CampaignResultHanded: break;
            default: _statusChanged = true; break;
        }
        return _journal.Record(e, actor, Now, c => ReadModel(c, e));
    }

    private static IEnumerable<ReadModelWrite> ReadModel(Campaign c, object e)
    {
        var spec = c.Spec!;
        yield return new ReadModelWrite("""
            INSERT INTO ivr_campaign (id, name, kind, prompt, status, pacing, retry_after_minutes, max_attempts, allowed_from, allowed_to,
                created_by, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
            ON CONFLICT (id) DO UPDATE SET status = $5, updated_at = $12
            """, c.Id, spec.Name, spec.Kind, spec.Prompt, c.Status, spec.Pacing, spec.RetryAfterMinutes, spec.MaxAttempts, spec.AllowedFrom,
            spec.AllowedTo, spec.CreatedBy, At(e));
        var targets = e switch
        {
            CampaignCreated => c.Targets,
            CampaignCallPlaced x => [c.Targets[x.TargetNo - 1]],
            CampaignAttemptSettled x => [c.Targets[x.TargetNo - 1]],
            CampaignResultHanded x => [c.Targets[x.TargetNo - 1]],
            _ => [],
        };
        foreach (var t in targets)
            yield return new ReadModelWrite("""
                INSERT INTO ivr_campaign_target (campaign_id, target_no, number, order_no, attempts, last_call_id, last_outcome, result, digits,
                    next_attempt_at, handed_over, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                ON CONFLICT (campaign_id, target_no) DO UPDATE SET attempts = $5, last_call_id = coalesce($6, ivr_campaign_target.last_call_id),
                    last_outcome = $7, result = $8, digits = $9, next_attempt_at = $10, handed_over = $11, updated_at = $12
                """, c.Id, t.No, t.Number, t.OrderNo, t.Attempts, t.InFlightCallId, t.LastOutcome, t.Result, t.Digits, t.NextAttemptAt, t.Handed, At(e));
    }

    private static DateTimeOffset At(object e) => e switch
    {
        CampaignCreated x => x.At,
        CampaignStarted x => x.At,
        CampaignPaused x => x.At,
        CampaignFinished x => x.At,
        CampaignCallPlaced x => x.At,
        CampaignAttemptSettled x => x.At,
        CampaignResultHanded x => x.At,
        _ => throw new ArgumentException(e.GetType().Name),
    };

    private static CommandResult<CampaignView> Refuse(string field, string code) =>
        CommandResult<CampaignView>.Invalid(new Dictionary<string, string[]> { [field] = [code] });
}
