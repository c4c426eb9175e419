using HomeService.CallCenter.Hotlines;
using HomeService.CallCenter.Ivr;
using HomeService.EventLog;
using HomeService.Realtime;
using HomeService.Telephony;
using Microsoft.Extensions.Logging;

namespace HomeService.CallCenter.Calls;

/// <summary>
/// One call from offer to hang-up. Switch events arrive with idempotency keys; queue offers arrive one-way;
/// console commands check that the agent is the one the call is with. Each step is a gateway command and an
/// event on the call's timeline. Timers (ring timeout, sanity check) are re-armed on activation.
/// </summary>
public sealed partial class CallGrain(
    [PersistentState("call", "Default")] IPersistentState<CallState> state,
    IEventLog log,
    ICtiGateway gateway,
    CallerHistory history,
    TimeProvider clock,
    CallCenterOptions options,
    ILogger<CallGrain> logger) : Grain, ICallGrain
{
    public static readonly EventCodec Codec = new("call",
        [("CallOffered", typeof(CallOffered)), ("CallQueued", typeof(CallQueued)), ("CallRinging", typeof(CallRinging)),
        ("CallRingStopped", typeof(CallRingStopped)), ("CallAnswered", typeof(CallAnswered)), ("CallHeld", typeof(CallHeld)),
        ("CallResumed", typeof(CallResumed)), ("CallTransferred", typeof(CallTransferred)), ("CallDigits", typeof(CallDigits)),
        ("CallRecordingReady", typeof(CallRecordingReady)), ("CallEnded", typeof(CallEnded)), ("CallbackOffered", typeof(CallbackOffered)),
        ("CallbackRequested", typeof(CallbackRequested)), ("CallOverflowed", typeof(CallOverflowed)),
        ("CallConsultStarted", typeof(CallConsultStarted)), ("CallConsultAnswered", typeof(CallConsultAnswered)),
        ("CallConsultEnded", typeof(CallConsultEnded)), ("CallConsultCompleted", typeof(CallConsultCompleted)),
        .. IvrEvents, .. RecordingEvents, .. SupervisionEvents, .. ConferenceEvents, .. OutboundEvents, .. HotlineEvents]);

    private const int VipPriority = 10;
    private const int ConsultRingSeconds = 30;

    private Journal<CallState> _journal = null!;
    private CallerStory? _story;
    private IGrainTimer? _ringTimer;
    private IGrainTimer? _sanityTimer;

    private CallState Call => _journal.State;
    private string CallId => this.GetPrimaryKeyString();
    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<CallState>(state, log, Codec, CallId, this);
        await _journal.CatchUp(ct);
        Call.CallId = CallId;
        ArmTimers();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<CallView> Get() => Task.FromResult(Call.View());

    public async Task<CallView> GetFromLog()
    {
        if (await _journal.LatestIfBehind() is not { } latest) return Call.View();
        latest.CallId = CallId;
        // This activation is behind the log: another one moved the call on. It steps aside so the next message reaches
        // an activation that reads the log afresh, instead of answering from the past until its next append fails.
        logger.LogWarning("Call {Call}: this activation is at version {Mine}, the log at {Log}; deactivating it", CallId, Call.Version, latest.Version);
        this.DeactivateOnIdle();
        return latest.View();
    }

    public Task<ScreenPop> GetPop() => Pop();

    public async Task<CallView> Offered(CtiCallOffered offer)
    {
        if (Call.Exists)
        {
            // A repeated offer. If the first one was recorded but its silo died before the call reached its queue, the
            // switch's retry finishes the job; otherwise it only gets the call as it is.
            if (Call.TurnedAway is not null)
            {
                if (!Call.InVoicemail) await CarryOutTurnAway();
            }
            else if (Call.Status == CallStatus.Ivr && Call.QueueId is { } queue)
            {
                _story ??= await Story(Call.Caller);
                await EnterQueue(queue, _story.StickyAgentId);
            }
            else if (Call.Status == CallStatus.Ivr && !Call.InVoicemail) await ResumeIvr();
            return Call.View();
        }
        var caller = CallerNumber(offer.Caller);
        // The caller's way in (blacklist, hours, IVR or route), by the code the "what happens if" tool runs.
        var path = await CallEntries.Follow(GrainFactory, offer.Dialled, caller, offer.IvrChoice, Now);
        var entry = path.Last;
        if (path.Ending == EntryOutcomes.Ivr && await IvrFlows(entry.Dialled).GetVersion(entry.IvrFlowVersion!.Value) is { } flow)
        {
            _story = await Story(caller);
            await RecordOffer(new CallOffered(offer.EventId, caller, offer.Dialled, offer.Trunk, null, null, 0, Now), path);
            await StartIvr(flow);
        }
        else if (entry.Route is { } route && path.Ending is EntryOutcomes.Ivr or EntryOutcomes.Queue)
        {
            _story = await Story(caller);
            // VIP members come ahead of others; so do callers who chose "complaint" (the route's priority).
            var priority = route.Priority + (_story.Member?.Vip == true ? VipPriority : 0);
            await RecordOffer(new CallOffered(offer.EventId, caller, offer.Dialled, offer.Trunk, offer.IvrChoice, route.QueueId, priority, Now), path);
            await EnterQueue(route.QueueId, _story.StickyAgentId);
        }
        else
        {
            await RecordOffer(new CallOffered(offer.EventId, caller, offer.Dialled, offer.Trunk, offer.IvrChoice, null, 0, Now), path);
            await CarryOutTurnAway();
        }
        return Call.View();
    }

    /// <summary>
    /// A resident asked on the website to be called back (免费网上呼): the request takes a place in the queue its topic
    /// routes to (routes of the number "web-callback", the main hotline's queue if none), like a caller who chose a
    /// callback, and an agent who accepts it has the switch dial the resident.
    /// </summary>
    public async Task<CallView> RequestWebCallback(string phone, string topic)
    {
        if (Call.Exists) return Call.View(); // the same request again
        var caller = PhoneNumber.Normalize(phone);
        var route = await Hotline(CallState.WebCallbackNumber).Route(topic);
        _story = await Story(caller);
        var priority = route.Priority + (_story.Member?.Vip == true ? VipPriority : 0);
        await Record(new CallOffered(null, caller, CallState.WebCallbackNumber, "web", topic, route.QueueId, priority, Now));
        await Record(new CallbackRequested(null, Now));
        await EnterQueue(route.QueueId, _story.StickyAgentId);
        return Call.View();
    }

    public async Task<QueuePosition?> WaitingPosition() =>
        Call.IsWaiting && Call.QueueId is { } queue ? await Queue(queue).GetPosition(CallId) : null;

    public async Task<CallView> Dtmf(string eventId, string digits)
    {
        if (!Call.IsLive || Call.Seen(eventId)) return Call.View();
        await Record(new CallDigits(eventId, digits, Now));
        if (Call.InIvr) await IvrInput(digits);
        else if (Call.IsCampaignCall) await OutboundDigits(digits);
        else if (digits == "1" && Call.CallbackOffered && Call.Status == CallStatus.Queued)
        {
            // Queued callback: the caller keeps their place and hangs up; an agent calls them back.
            await Record(new CallbackRequested(null, Now));
            await gateway.PlayPrompt(CallId, "已为您预约回呼，请挂机，座席空闲后将立即给您回电。");
            await gateway.HangUp(CallId, "caller");
        }
        return Call.View();
    }

    public async Task Announce(string queueId, int position, int estimatedWaitSeconds)
    {
        if (Call.Status == CallStatus.Queued && Call.QueueId == queueId && position > 0)
            await gateway.PlayPrompt(CallId, QueuePrompt(position, estimatedWaitSeconds));
    }

    public async Task MaxWaitReached(string queueId, string? overflowQueueId, bool offerCallback)
    {
        if (Call.Status != CallStatus.Queued || Call.QueueId != queueId) return;
        if (overflowQueueId is not null && overflowQueueId != queueId)
        {
            await Queue(queueId).Leave(CallId, "overflow");
            await Record(new CallOverflowed(queueId, overflowQueueId, Now));
            await EnterQueue(overflowQueueId);
        }
        else if (offerCallback && !Call.CallbackOffered)
        {
            await Record(new CallbackOffered(queueId, Now));
            await gateway.CollectDigits(CallId, "座席仍然繁忙。如需预约回呼，请按1；继续等待请不要挂机。", 1, 10);
        }
    }

    public async Task<CallView> AgentLegAnswered(string eventId, string agentId)
    {
        if (!Call.Seen(eventId)) await Answer(agentId, "phone", eventId);
        return Call.View();
    }

    public async Task<CallView> HungUp(string eventId, string leg, string cause)
    {
        if (!Call.IsLive || Call.Seen(eventId)) return Call.View();
        if (Call.Status == CallStatus.CallbackWaiting && leg == "caller") return Call.View(); // expected: they wait for our call
        if (await ConferenceLegLeft(eventId, leg) || await SupervisorLegLeft(leg)) return Call.View(); // a party or a supervisor left; the call goes on
        var agentLeg = Call.AgentId is { } a && leg == await Seat(a);
        if (agentLeg) await gateway.HangUp(CallId, "caller"); // the agent put the phone down: the call is over for the caller too
        if (leg == "caller" || agentLeg) await End(eventId, leg == "caller" ? "caller" : $"agent:{Call.AgentId}", IvrEndCause(cause));
        return Call.View();
    }

    public async Task<CallView> RecordingReady(string eventId, string url)
    {
        if (Call.Exists && !Call.Seen(eventId))
        {
            await Record(new CallRecordingReady(eventId, url, Now));
            await VoicemailRecorded();
        }
        return Call.View();
    }

    public async Task Ring(string queueId, IReadOnlyList<string> agentIds, int ringTimeoutSeconds, int maxNoAnswers, int wrapUpSeconds)
    {
        if (HeldByQueueBeforeQueued(queueId)) await TakeTheQueuesPlace(queueId);
        if (!Call.IsWaiting || Call.QueueId != queueId)
        {
            // The call moved on (answered, hung up, transferred) while the queue was reserving: give the agents back.
            foreach (var agent in agentIds) await Agent(agent).OfferMissed(CallId, rejected: true, maxNoAnswers);
            if (!Call.IsLive || Call.QueueId != queueId) await Queue(queueId).Leave(CallId, Call.IsLive ? "moved" : "ended");
            return;
        }
        // The state is Ringing as soon as Record starts; the screen pop leaves while the append commits, which takes
        // one group-commit wait off the agent's pop. Nothing can act on the pop early: the agent's accept reaches this
        // (non-reentrant) grain only after the append, and if the append fails the accept is refused and the reserved
        // seat is freed by its own check. The switch is told to ring only once the ringing is durable.
        var ringing = Record(new CallRinging(queueId, agentIds, ringTimeoutSeconds, maxNoAnswers, wrapUpSeconds, Now));
        var pop = await Pop();
        foreach (var agent in agentIds) await GrainFactory.Push(PushGroups.Agent(agent), "call.ringing", pop, Call.Version);
        await ringing;
        foreach (var agent in agentIds) await gateway.RingAgent(CallId, await Seat(agent), ringTimeoutSeconds);
    }

    /// <summary>
    /// Routed to this queue, offered by it, yet still "before the queue" here: only possible when this activation missed
    /// its own queueing. After a silo dies Orleans may, for a moment, run two activations of one call; the other one
    /// queued the call and wrote "queued" after this one had read the log. A grain behind its log heals at its next
    /// append, but a waiting call appends nothing, so without this it handed its agents back on every offer for ever.
    /// The same state follows a crash between the queue taking the call and the call recording it.
    /// </summary>
    private bool HeldByQueueBeforeQueued(string queueId) =>
        Call.IsLive && Call.Status == CallStatus.Ivr && Call.QueueId == queueId && !Call.InIvr && Call.TurnedAway is null;

    private async Task TakeTheQueuesPlace(string queueId)
    {
        await _journal.CatchUp();
        if (!HeldByQueueBeforeQueued(queueId)) return;
        // Still missing from the log: the queue's place is real, so the call records it rather than refuse the offer.
        logger.LogWarning("Call {Call} was offered by queue {Queue} before it knew itself queued; recording its place", CallId, queueId);
        await Record(new CallQueued(queueId, 0, 0, Now));
    }

    public async Task<CommandResult<CallView>> Accept(string agentId)
    {
        if (Call.ConsultAgentId == agentId && !Call.ConsultConnected) return await AnswerConsult(agentId);
        if (Call.IsOutbound) return Refuse("outbound-dialling"); // the far party answers it, not the agent
        if (Call.Status != CallStatus.Ringing || !Call.RingingAgents.Contains(agentId)) return Refuse("not-ringing-for-you");
        // A queued callback has no caller on the line: the switch dials the caller and joins the agent.
        if (Call.WantsCallback) await gateway.Originate(Call.Caller, await Seat(agentId), $"queued-callback:{CallId}");
        else await gateway.Bridge(CallId, await Seat(agentId));
        return await Answer(agentId, Call.WantsCallback ? "callback" : "console", null) ? Ok() : Refuse("agent-not-ready");
    }

    public async Task<CommandResult<CallView>> Reject(string agentId)
    {
        if (Call.ConsultAgentId == agentId && !Call.ConsultConnected)
        {
            await EndConsult("rejected");
            return Ok();
        }
        if (Call.IsOutbound) return await CancelOutbound(agentId);
        if (Call.Status != CallStatus.Ringing || !Call.RingingAgents.Contains(agentId)) return Refuse("not-ringing-for-you");
        await StopRinging(agentId, "rejected");
        return Ok();
    }

    public async Task<CommandResult<CallView>> Hold(string agentId)
    {
        if (Call.Status != CallStatus.Connected || Call.AgentId != agentId) return Refuse("not-your-connected-call");
        await gateway.Hold(CallId);
        await Record(new CallHeld(agentId, Now));
        return Ok();
    }

    public async Task<CommandResult<CallView>> Unhold(string agentId)
    {
        if (Call.Status != CallStatus.OnHold || Call.AgentId != agentId) return Refuse("not-on-hold");
        if (Call.ConsultAgentId is not null) return Refuse("consult-in-progress");
        await gateway.Unhold(CallId);
        await Record(new CallResumed(agentId, Now));
        return Ok();
    }

    public async Task<CommandResult<CallView>> Transfer(string agentId, TransferTarget target)
    {
        if (Call.Status is not (CallStatus.Connected or CallStatus.OnHold) || Call.AgentId != agentId) return Refuse("not-your-connected-call");
        if (Call.ConnectedParties.Any()) return Refuse("conference-in-progress"); // leave the conference instead (离开)
        switch (target.Kind)
        {
            case TransferTarget.Agent:
                if (target.Id == agentId) return Refuse("same-agent");
                // The colleague is taken first, so a failed transfer leaves the call where it was.
                var queueId = Call.QueueId ?? (await Hotline(Call.RouteNumber).Route(null)).QueueId;
                if (!await Agent(target.Id).TryReserve(CallId, queueId)) return Refuse("target-not-available");
                try
                {
                    await gateway.BlindTransfer(CallId, $"agent:{await Seat(target.Id)}"); // the switch rings the colleague's seat
                }
                catch
                {
                    await Agent(target.Id).OfferMissed(CallId, rejected: true, Call.MaxNoAnswers);
                    throw;
                }
                await LeaveAgent(agentId, target);
                await Record(new CallRinging(queueId, [target.Id], Call.RingTimeoutSeconds > 0 ? Call.RingTimeoutSeconds : 20,
                    Call.MaxNoAnswers, Call.WrapUpSeconds, Now));
                await GrainFactory.Push(PushGroups.Agent(target.Id), "call.ringing", await Pop(), Call.Version);
                break;
            case TransferTarget.Queue:
                if (await Directory.GetQueue(target.Id) is null) return Refuse("unknown-queue");
                await gateway.BlindTransfer(CallId, $"queue:{target.Id}");
                await LeaveAgent(agentId, target);
                await EnterQueue(target.Id);
                break;
            case TransferTarget.External:
                if (!PhoneNumber.IsDialable(target.Id)) return Refuse("bad-number");
                await gateway.BlindTransfer(CallId, $"external:{target.Id}");
                await LeaveAgent(agentId, target);
                await End(null, $"agent:{agentId}", "transferred-out");
                break;
            default:
                return Refuse("unknown-target");
        }
        ArmTimers();
        return Ok();
    }

    public async Task<CommandResult<CallView>> Pickup(string agentId)
    {
        if (Call.Status != CallStatus.Ringing) return Refuse("not-ringing");
        if (Call.RingingAgents.Contains(agentId)) return await Accept(agentId);
        var queue = Call.QueueId is null ? null : await Directory.GetQueue(Call.QueueId);
        var profile = await Directory.GetAgent(agentId);
        if (queue is null || profile is null || !queue.Skills.Any(profile.Skills.ContainsKey)) return Refuse("not-in-this-group");
        if (!await Agent(agentId).TryReserve(CallId, queue.QueueId)) return Refuse("agent-not-available");
        await gateway.Pickup(CallId, await Seat(agentId));
        return await Answer(agentId, "pickup", null, pickedUp: true) ? Ok() : Refuse("agent-not-ready");
    }

    public async Task<CommandResult<CallView>> Consult(string agentId, string targetAgentId, string? note = null)
    {
        if (Call.Status is not (CallStatus.Connected or CallStatus.OnHold) || Call.AgentId != agentId) return Refuse("not-your-connected-call");
        if (Call.ConsultAgentId is not null) return Refuse("consult-in-progress");
        if (Call.ConnectedParties.Any()) return Refuse("conference-in-progress");
        if (targetAgentId == agentId) return Refuse("same-agent");
        if (await Directory.GetAgent(targetAgentId) is null) return Refuse("target-not-available");
        if (!await Agent(targetAgentId).TryReserve(CallId, Call.QueueId ?? "consult")) return Refuse("target-not-available");
        if (Call.Status == CallStatus.Connected) await gateway.Hold(CallId);
        await gateway.RingAgent(CallId, await Seat(targetAgentId), ConsultRingSeconds);
        await Record(new CallConsultStarted(agentId, targetAgentId, Now, note));
        await GrainFactory.Push(PushGroups.Agent(targetAgentId), "call.ringing", await Pop(), Call.Version);
        await Announce();
        return Ok();
    }

    public async Task<CommandResult<CallView>> CompleteTransfer(string agentId)
    {
        if (Call.AgentId != agentId || Call.ConsultAgentId is not { } target) return Refuse("no-consultation");
        if (!Call.ConsultConnected) return Refuse("colleague-not-answered");
        await gateway.AttendedTransfer(CallId, await Seat(agentId), $"agent:{await Seat(target)}");
        await gateway.Unhold(CallId);
        await Record(new CallConsultCompleted(agentId, target, Now));
        await Agent(agentId).CallEnded(CallId, Call.WrapUpSeconds);
        await GrainFactory.Push(PushGroups.Agent(agentId), "call.gone", new { callId = CallId, reason = "transferred" }, Call.Version);
        await Announce();
        return Ok();
    }

    public async Task<CommandResult<CallView>> CancelConsult(string agentId)
    {
        if (Call.AgentId != agentId || Call.ConsultAgentId is null) return Refuse("no-consultation");
        await EndConsult("cancelled");
        return Ok();
    }

    public async Task<CommandResult<CallView>> HangUp(string agentId)
    {
        if (Call.IsOutbound && Call.Status == CallStatus.Ringing) return await CancelOutbound(agentId);
        if (Call.Status is not (CallStatus.Connected or CallStatus.OnHold) || Call.AgentId != agentId) return Refuse("not-your-connected-call");
        await gateway.HangUp(CallId, "caller");
        await End(null, $"agent:{agentId}", "agent-hung-up");
        return Ok();
    }

    /// <summary>A pickup (代答) answers a call that rings at colleagues, not at the picking agent.</summary>
    private async Task<CommandResult<CallView>> AnswerConsult(string agentId)
    {
        if (!await Agent(agentId).CallAnswered(CallId)) return Refuse("agent-not-ready");
        await gateway.Bridge(CallId, await Seat(agentId));
        await Record(new CallConsultAnswered(agentId, Now));
        await Announce();
        return Ok();
    }

    /// <summary>The consultation ends without a transfer: the colleague is freed and the agent has the caller back.</summary>
    private async Task EndConsult(string reason)
    {
        if (Call.ConsultAgentId is not { } target) return;
        if (Call.ConsultConnected)
        {
            await gateway.HangUp(CallId, await Seat(target));
            await Agent(target).CallEnded(CallId, 0);
        }
        else
        {
            await gateway.StopRinging(CallId, await Seat(target));
            await Agent(target).OfferMissed(CallId, rejected: reason != "no-answer", Call.MaxNoAnswers);
        }
        await Record(new CallConsultEnded(target, reason, Now));
        await GrainFactory.Push(PushGroups.Agent(target), "call.gone", new { callId = CallId, reason }, Call.Version);
        if (Call.IsLive) await gateway.Unhold(CallId);
        await Announce();
    }

    private async Task<bool> Answer(string agentId, string how, string? eventId, bool pickedUp = false)
    {
        if (Call.Status != CallStatus.Ringing || (!pickedUp && !Call.RingingAgents.Contains(agentId))) return false;
        if (!await Agent(agentId).CallAnswered(CallId)) return false;
        foreach (var other in Call.RingingAgents.Where(a => a != agentId).ToList()) await StopRinging(other, "released", requeue: false);
        await Record(new CallAnswered(eventId, agentId, how, Now));
        if (Call.QueueId is { } queue) await Queue(queue).Answered(CallId, agentId);
        // The console first: a switch that fails to start the recording must not leave the agent's screen ringing.
        await Announce();
        await StartRecording();
        return true;
    }

    private async Task StopRinging(string agentId, string reason, bool requeue = true)
    {
        await gateway.StopRinging(CallId, await Seat(agentId));
        await Agent(agentId).OfferMissed(CallId, rejected: reason != "no-answer", Call.MaxNoAnswers);
        await Record(new CallRingStopped(agentId, reason, Now));
        await GrainFactory.Push(PushGroups.Agent(agentId), "call.gone", new { callId = CallId, reason }, Call.Version);
        if (requeue && Call.Status == CallStatus.Queued && Call.QueueId is { } queue && !await Queue(queue).Requeue(CallId, agentId))
            await EnterQueue(queue); // it had left the line (a transfer to an agent who did not answer): join again
    }

    /// <param name="announce">False when the caller is about to hang up (a callback booked in the IVR): no position to hear.</param>
    private async Task EnterQueue(string queueId, string? stickyAgentId = null, bool announce = true)
    {
        var position = await Queue(queueId).Enqueue(new QueueRequest(CallId, Call.Caller, Call.Priority, stickyAgentId));
        // The queue may already have offered the call (one-way), so only record "queued" if it is still waiting.
        await Record(new CallQueued(queueId, position.Position, position.EstimatedWaitSeconds, Now));
        if (announce && position.Position > 0 && !Call.IsWebCallback) await gateway.PlayPrompt(CallId, QueuePrompt(position.Position, position.EstimatedWaitSeconds));
    }

    private static string QueuePrompt(int position, int estimatedWaitSeconds) =>
        position <= 1
            ? "您是下一位，座席马上为您服务，请稍候。"
            : $"您前面还有{position - 1}位，预计等待{Math.Max(1, (estimatedWaitSeconds + 59) / 60)}分钟，请稍候。";

    private async Task LeaveAgent(string agentId, TransferTarget target)
    {
        await Record(new CallTransferred(agentId, target.Kind, target.Id, Now, target.Note));
        await Agent(agentId).CallEnded(CallId, Call.WrapUpSeconds);
        await GrainFactory.Push(PushGroups.Agent(agentId), "call.gone", new { callId = CallId, reason = "transferred" }, Call.Version);
    }

    private async Task End(string? eventId, string by, string cause)
    {
        if (Call.ConsultAgentId is not null) await EndConsult("caller-left");
        var wasQueued = Call.Status is CallStatus.Queued or CallStatus.Ringing or CallStatus.Ivr or CallStatus.CallbackWaiting;
        foreach (var ringing in Call.RingingAgents.ToList()) await StopRinging(ringing, "caller-left", requeue: false);
        var agent = Call.AgentId;
        await StopRecording();
        await Record(new CallEnded(eventId, by, cause, Now));
        await OutboundEnded(cause);
        if (agent is not null) await Agent(agent).CallEnded(CallId, Call.WrapUpSeconds);
        await LegsEnded();
        if (wasQueued && Call.QueueId is { } queue) await Queue(queue).Leave(CallId, "abandoned");
        await Announce();
        ArmTimers();
    }

    private async Task Announce()
    {
        var view = Call.View();
        if (view.ConsultAgentId is { } colleague) await GrainFactory.Push(PushGroups.Agent(colleague), "call.updated", view, view.Version);
        if (view.AgentId is { } agent) await GrainFactory.Push(PushGroups.Agent(agent), "call.updated", view, view.Version);
        else if (view.Status == CallStatus.Ended && Call.Timeline.LastOrDefault(t => t.What == "answered") is { } answered)
            await GrainFactory.Push(PushGroups.Agent(answered.Detail!.Split(' ')[0]), "call.updated", view, view.Version);
    }

    private async Task<ScreenPop> Pop()
    {
        var story = _story ??= await Story(Call.Caller);
        var ivrPath = Call.IvrPath.Count > 0 ? Call.IvrPath.ToList() : await SwitchIvrPath();
        var transferredBy = Call.TransferredBy is { } from ? await AgentName(from) : null;
        return new ScreenPop(Call.View(), Call.Caller, story.Member, story.RecentOrders, story.OpenComplaints, story.RecentCalls, Call.IvrChoice,
            ivrPath, transferredBy, Call.TransferNote);
    }

    /// <summary>"李敏 (A001)": how the next agent knows who passed the call on.</summary>
    private async Task<string> AgentName(string agentId) =>
        (await Directory.GetAgent(agentId))?.Name is { Length: > 0 } name ? $"{name} ({agentId})" : agentId;

    /// <summary>The switch's IVR key, named by the number's platform flow; a failing read leaves the bare key.</summary>
    private async Task<IReadOnlyList<string>?> SwitchIvrPath()
    {
        if (Call.IvrChoice is not { Length: > 0 } choice) return null;
        try
        {
            return SwitchIvrChoice.Path((await IvrFlows(Call.Dialled).Current())?.Definition, choice);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "IVR flow of {Dialled} unavailable; the pop of {Call} shows the bare key", Call.Dialled, CallId);
            return null;
        }
    }

    /// <summary>The caller's story; a failing read never stops the call, it only makes the pop thinner.</summary>
    private async Task<CallerStory> Story(string caller)
    {
        try
        {
            return await history.Lookup(caller, CallId);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Caller history for {Call} unavailable; routing and popping without it", CallId);
            return CallerStory.Unknown;
        }
    }

    private async Task Record(object e)
    {
        await _journal.Record(e, null, Now, _ => Transient(e) ? [] : [ReadModel(), .. RecordingReadModel(e)]);
        ArmTimers();
    }

    /// <summary>
    /// Ringing lasts seconds and ends in an answer or back in the queue, and digits and IVR steps change no column: the
    /// call's history row is left as it is (consoles and the wallboard read the grains, the live truth). The recording's
    /// start, stop or skip reach the row with the call's next event (at the latest its end, which stops the recording);
    /// the recording's own row comes with "recording ready".
    /// </summary>
    private static bool Transient(object e) =>
        e is CallRinging or CallRingStopped or CallDigits or CallIvrStep or CallRecordingStarted or CallRecordingStopped or CallRecordingSkipped;

    private ReadModelWrite ReadModel() => new("""
        INSERT INTO call_record (call_id, caller, dialled, queue_id, agent_id, ivr_choice, status, offered_at, answered_at, ended_at, end_cause, wait_ms,
            recording_url, recording_started_at, recording_stopped_at, recording_skipped_for)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
        ON CONFLICT (call_id) DO UPDATE SET queue_id = $4, agent_id = $5, status = $7, answered_at = $9, ended_at = $10, end_cause = $11,
            wait_ms = $12, recording_url = $13, recording_started_at = $14, recording_stopped_at = $15, recording_skipped_for = $16
        """, CallId, Call.Caller, Call.Dialled, Call.QueueId, Call.AgentId ?? LastAgent(), Call.IvrChoice, Call.Status.ToString(), Call.OfferedAt,
        Call.AnsweredAt, Call.EndedAt, Call.EndCause, WaitMs(), Call.RecordingUrl, Call.RecordingStartedAt, Call.RecordingStoppedAt,
        Call.RecordingSkippedFor);

    private string? LastAgent() => Call.Timeline.LastOrDefault(t => t.What == "answered")?.Detail?.Split(' ')[0];

    private long? WaitMs() => Call.QueuedAt is { } queued
        ? (long)(((Call.AnsweredAt ?? Call.EndedAt) ?? Now) - queued).TotalMilliseconds
        : null;

    /// <summary>Ring timeout while ringing; a periodic check with the switch while live, so a lost hang-up cannot leave a call stuck.</summary>
    private void ArmTimers()
    {
        _ringTimer?.Dispose();
        _ringTimer = null;
        if (Call.Status == CallStatus.Ringing && Call.RingingSince is { } since)
        {
            var due = since.AddSeconds(Call.RingTimeoutSeconds) - Now;
            _ringTimer = this.RegisterGrainTimer(RingTimedOut,
                new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else if (Call.ConsultAgentId is not null && !Call.ConsultConnected && Call.ConsultSince is { } consultSince)
        {
            var due = consultSince.AddSeconds(ConsultRingSeconds) - Now;
            _ringTimer = this.RegisterGrainTimer(() => EndConsult("no-answer"),
                new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        if (!Call.IsLive)
        {
            _sanityTimer?.Dispose();
            _sanityTimer = null;
        }
        else
        {
            _sanityTimer ??= this.RegisterGrainTimer(SanityCheck,
                new GrainTimerCreationOptions(options.CallSanityCheckEvery, options.CallSanityCheckEvery) { KeepAlive = true });
        }
    }

    private async Task RingTimedOut()
    {
        if (Call.Status != CallStatus.Ringing) return;
        foreach (var agent in Call.RingingAgents.ToList()) await StopRinging(agent, "no-answer");
    }

    private async Task SanityCheck()
    {
        // Queued calls are the queue's to watch; a call in the switch's own IVR is not yet ours. One in the platform's IVR
        // is checked: a lost hang-up there would otherwise leave it "in the IVR" for ever.
        if (!Call.IsLive || Call.Status is CallStatus.Queued or CallStatus.CallbackWaiting || (Call.Status == CallStatus.Ivr && !Call.InIvr)) return;
        if (await gateway.QueryCall(CallId) is null)
        {
            logger.LogWarning("Call {Call} no longer exists at the switch; ending it (lost hang-up)", CallId);
            await End(null, "system", "lost-hangup");
        }
    }

    private CommandResult<CallView> Ok() => CommandResult<CallView>.Ok(Call.View());

    private static CommandResult<CallView> Refuse(string code) =>
        CommandResult<CallView>.Invalid(new Dictionary<string, string[]> { ["call"] = [code] });

    private ICallCenterDirectoryGrain Directory => GrainFactory.GetGrain<ICallCenterDirectoryGrain>(0);
    private IAgentGrain Agent(string agentId) => GrainFactory.GetGrain<IAgentGrain>(agentId);
    private IQueueGrain Queue(string queueId) => GrainFactory.GetGrain<IQueueGrain>(queueId);

    private async Task<string> Seat(string agentId) => (await Directory.GetAgent(agentId))?.Extension ?? agentId;
}
