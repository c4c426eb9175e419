using HomeService.CallCenter.Routing;
using HomeService.EventLog;
using HomeService.Realtime;

namespace HomeService.CallCenter.Queues;

/// <summary>
/// An ACD queue. Waiting calls are durable (events); the agent roster is rebuilt from the agents on activation
/// and kept current by their one-way status notes. Matching runs whenever a call arrives or an agent frees up:
/// the best waiting call takes the best eligible agent, and only the agent's own grain can say yes.
/// </summary>
public sealed class QueueGrain(
    [PersistentState("queue", "Default")] IPersistentState<QueueLine> state,
    IEventLog log,
    TimeProvider clock,
    CallCenterOptions options) : Grain, IQueueGrain, IRemindable
{
    public static readonly EventCodec Codec = new("queue", ("CallEnqueued", typeof(CallEnqueued)), ("CallLeftQueue", typeof(CallLeftQueue)));

    private readonly Dictionary<string, AgentView> _roster = new();
    // Calls offered to agents, with when: an offer ends with the answer (Leave) or a missed ring (Requeue). One that has
    // outlived its ring by far (its Ring was lost with a silo, or its reply) is asked how it stands by the watch.
    private readonly Dictionary<string, DateTimeOffset> _offered = new();
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _missed = new(); // call → agent → when they missed it
    private static readonly Dictionary<string, DateTimeOffset> NoneMissed = new();
    private readonly Random _random = new();
    private Journal<QueueLine> _journal = null!;
    private QueueConfig _config = null!;
    private readonly HashSet<string> _maxWaitSent = new();
    private readonly Dictionary<string, DateTimeOffset> _announcedAt = new();
    private DateTimeOffset _rosterReadAt;
    private string? _lastAgent;
    private QueueView? _pushed;
    private long _pushVersion;

    private string QueueId => this.GetPrimaryKeyString();
    private WaitingLine Line => _journal.State.Line;

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<QueueLine>(state, log, Codec, QueueId, this);
        await _journal.CatchUp(ct);
        var directory = GrainFactory.GetGrain<ICallCenterDirectoryGrain>(0);
        _config = await directory.GetQueue(QueueId) ?? throw new InvalidOperationException($"No queue {QueueId}.");

        await LoadRoster();
        _rosterReadAt = clock.GetUtcNow();

        // Calls that were ringing or answered when the previous activation died must not be offered twice.
        foreach (var call in Line.Calls.ToList())
        {
            var view = await GrainFactory.GetGrain<ICallGrain>(call.CallId).Get();
            if (view.Status is CallStatus.Ringing) _offered[call.CallId] = clock.GetUtcNow();
            else if (view.Status is CallStatus.Connected or CallStatus.OnHold or CallStatus.Ended)
                await Leave(call.CallId, view.Status == CallStatus.Ended ? "ended" : "answered");
        }
        // A reminder brings the queue (and through it its agents and calls) back after a silo failure.
        await this.RegisterOrUpdateReminder("keep-alive", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        this.RegisterGrainTimer(Watch, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { KeepAlive = true });
        await Match();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    /// <summary>The agents whose skills reach this queue, as they are now.</summary>
    private async Task LoadRoster()
    {
        var skills = _config.Skills.ToHashSet();
        var agents = (await GrainFactory.GetGrain<ICallCenterDirectoryGrain>(0).GetAgents()).Where(a => a.Skills.Keys.Any(skills.Contains));
        foreach (var view in await Task.WhenAll(agents.Select(a => GrainFactory.GetGrain<IAgentGrain>(a.AgentId).Get())))
            if (!_roster.TryGetValue(view.AgentId, out var known) || known.Version <= view.Version) _roster[view.AgentId] = view;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Match();

    public async Task<QueuePosition> Enqueue(QueueRequest request)
    {
        if (Line.Find(request.CallId) is null)
            await _journal.Record(_journal.State.Enqueue(request, clock.GetUtcNow(), options.AbandonedPlaceKept), $"call:{request.CallId}",
                clock.GetUtcNow());
        await Match();
        return Position(request.CallId);
    }

    public async Task Leave(string callId, string reason)
    {
        _offered.Remove(callId);
        _missed.Remove(callId);
        _maxWaitSent.Remove(callId);
        _announcedAt.Remove(callId);
        if (Line.Find(callId) is not null)
            await _journal.Record(new CallLeftQueue(callId, reason, clock.GetUtcNow()), $"call:{callId}", clock.GetUtcNow());
    }

    public async Task<bool> Requeue(string callId, string missedAgentId)
    {
        if (Line.Find(callId) is null) return false;
        _offered.Remove(callId);
        if (!_missed.TryGetValue(callId, out var missed)) _missed[callId] = missed = [];
        missed[missedAgentId] = clock.GetUtcNow(); // held back from this call for the ring-again delay only
        await Match();
        return true;
    }

    public async Task Answered(string callId, string agentId)
    {
        _lastAgent = agentId;
        await Leave(callId, "answered");
    }

    public async Task AgentChanged(AgentView agent)
    {
        if (_roster.TryGetValue(agent.AgentId, out var known) && known.Version > agent.Version) return; // stale note
        if (!agent.Skills.Keys.Any(_config.Skills.Contains))
        {
            _roster.Remove(agent.AgentId); // the seat's skills no longer reach this queue
            return;
        }
        _roster[agent.AgentId] = agent;
        if (agent.Status == AgentStatus.Available) await Match();
    }

    public async Task Reconfigure(QueueConfig config)
    {
        var widened = config.Skills.Except(_config.Skills).Any();
        _config = config;
        if (widened) await LoadRoster(); // agents of a newly added skill join; nobody already here leaves
        else foreach (var gone in _roster.Values.Where(a => !a.Skills.Keys.Any(config.Skills.Contains)).Select(a => a.AgentId).ToList())
            _roster.Remove(gone);
        _maxWaitSent.Clear(); // a longer maximum wait gives waiting callers their time again
        await Match();
    }

    public Task<QueueView> GetView()
    {
        var now = clock.GetUtcNow();
        var longest = Line.Calls.Count == 0 ? 0 : (int)Line.Calls.Max(c => (now - c.EnqueuedAt).TotalSeconds);
        return Task.FromResult(new QueueView(QueueId, Line.Count, _roster.Values.Count(a => a.Status == AgentStatus.Available),
            _roster.Values.Count(a => a.Status != AgentStatus.Offline), longest, Line.Calls.Select(c => c.CallId).ToList()));
    }

    public Task<QueuePosition> GetPosition(string callId) => Task.FromResult(Position(callId));

    private QueuePosition Position(string callId)
    {
        var position = Line.PositionOf(callId);
        var staffed = Math.Max(1, _roster.Values.Count(a => a.Status is not (AgentStatus.Offline or AgentStatus.NotReady)));
        var averageHandle = _roster.Values.Where(a => a.CallsHandled > 0).Select(a => a.TalkSeconds / (double)a.CallsHandled).DefaultIfEmpty(120).Average();
        return new QueuePosition(position, position == 0 ? 0 : (int)Math.Ceiling((position - 1) * (averageHandle + _config.WrapUpSeconds) / staffed));
    }

    /// <summary>
    /// Once a second: callers who have waited the maximum move on (overflow queue or callback offer), and every
    /// waiting caller hears their position and estimated wait at the queue's announcement interval. A config
    /// change is seen here at the next tick, so it applies to calls already waiting.
    /// </summary>
    private async Task Watch()
    {
        var now = clock.GetUtcNow();
        foreach (var call in Line.Calls.Where(c => !_offered.ContainsKey(c.CallId)).ToList())
        {
            var calls = GrainFactory.GetGrain<ICallGrain>(call.CallId);
            if (_config.MaxWaitSeconds > 0 && now - call.EnqueuedAt >= TimeSpan.FromSeconds(_config.MaxWaitSeconds) && _maxWaitSent.Add(call.CallId))
                await calls.MaxWaitReached(QueueId, _config.OverflowQueueId, _config.OfferCallback);
            if (_config.AnnounceEverySeconds > 0 &&
                now - _announcedAt.GetValueOrDefault(call.CallId, call.EnqueuedAt) >= TimeSpan.FromSeconds(_config.AnnounceEverySeconds))
            {
                _announcedAt[call.CallId] = now;
                var position = Position(call.CallId);
                await calls.Announce(QueueId, position.Position, position.EstimatedWaitSeconds);
            }
        }
        await RecheckOffers(now);
        await RecheckRoster(now);
        await Match(); // expansion tiers open as time passes
        await PushIfChanged();
    }

    /// <summary>
    /// An offer that neither ended in an answer nor came back as missed long after its ring should have timed out was lost
    /// with a silo (the Ring, or the call's report): the call says how it stands. Still waiting, it is offered again; gone
    /// or answered, it leaves the line; ringing, it is left to its own ring timer.
    /// </summary>
    private async Task RecheckOffers(DateTimeOffset now)
    {
        var overdue = TimeSpan.FromSeconds(_config.RingTimeoutSeconds) + OfferRecheckGrace;
        foreach (var (callId, _) in _offered.Where(o => now - o.Value >= overdue).ToList())
        {
            var view = await GrainFactory.GetGrain<ICallGrain>(callId).Get();
            if (view.Status is CallStatus.Ringing)
            {
                _offered[callId] = now;
                continue;
            }
            _offered.Remove(callId);
            if (view.Status is CallStatus.Connected or CallStatus.OnHold or CallStatus.Ended || view.QueueId != QueueId)
                await Leave(callId, view.Status == CallStatus.Ended ? "ended" : "moved");
        }
    }

    private static readonly TimeSpan OfferRecheckGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The roster follows the agents' one-way notes, and a note lost with a silo (an agent freed just before its silo
    /// died) would leave callers waiting for agents who are free. While calls wait and no agent looks free, the queue
    /// reads its agents again every few seconds: that is when a stale picture costs a caller, and it costs one
    /// in-memory read per agent.
    /// </summary>
    private async Task RecheckRoster(DateTimeOffset now)
    {
        if (Line.Count <= _offered.Count || _roster.Values.Any(a => a.Status == AgentStatus.Available) || now - _rosterReadAt < RosterRecheck) return;
        _rosterReadAt = now;
        await LoadRoster();
    }

    private static readonly TimeSpan RosterRecheck = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The supervisors' wallboard hears the queue from this once-a-second tick, and only when something it shows changed:
    /// at most one push a second per queue however busy the queue is.
    /// </summary>
    private async Task PushIfChanged()
    {
        var view = await GetView();
        if (_pushed is { } last && last.Waiting == view.Waiting && last.AgentsAvailable == view.AgentsAvailable
            && last.AgentsStaffed == view.AgentsStaffed && last.LongestWaitSeconds == view.LongestWaitSeconds) return;
        _pushed = view;
        await GrainFactory.Push(PushGroups.Supervisors, "queue.changed", view, ++_pushVersion);
    }

    /// <summary>Offers waiting calls, in order, to the best eligible agents until either runs out.</summary>
    private async Task Match()
    {
        // The grain is not reentrant, so one match runs at a time and sees every change made before it.
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var call in Line.Calls.Where(c => !_offered.ContainsKey(c.CallId)).ToList())
            {
                if (!_roster.Values.Any(a => a.Status == AgentStatus.Available)) return;
                if (await Offer(call)) progress = true;
            }
        }
    }

    private async Task<bool> Offer(WaitingCall call)
    {
        var now = clock.GetUtcNow();
        var missed = _missed.TryGetValue(call.CallId, out var m) ? m : NoneMissed;
        var decision = RingAgainRule.Rank(_config, now - call.EnqueuedAt, Sticky(call, now), missed, now, options.RingAgainDelay, _lastAgent, _random);
        var reserved = new List<string>();
        var refused = new List<SkippedAgent>();
        foreach (var candidate in decision.Ranked)
        {
            var agent = GrainFactory.GetGrain<IAgentGrain>(candidate.AgentId);
            if (await agent.TryReserve(call.CallId, QueueId))
            {
                reserved.Add(candidate.AgentId);
                _roster[candidate.AgentId] = _roster[candidate.AgentId] with { Status = AgentStatus.Ringing };
                if (_config.Strategy != RoutingStrategy.RingAll) break;
            }
            else
            {
                _roster[candidate.AgentId] = await agent.Get(); // our picture was stale
                refused.Add(new SkippedAgent(candidate.AgentId, "taken-meanwhile"));
            }
        }
        if (decision.Ranked.Count > 0) Audit(call, decision, reserved, refused, now);
        if (reserved.Count == 0) return false;

        _offered[call.CallId] = now;
        if (_config.Strategy == RoutingStrategy.RoundRobin) _lastAgent = reserved[0];
        await GrainFactory.GetGrain<ICallGrain>(call.CallId).Ring(QueueId, reserved, _config.RingTimeoutSeconds, _config.MaxNoAnswers, _config.WrapUpSeconds);
        return true;
    }

    /// <summary>A caller with an open order waits a few seconds for the agent who handled it, if that agent is Available.</summary>
    private IEnumerable<AgentView> Sticky(WaitingCall call, DateTimeOffset now)
    {
        if (call.StickyAgentId is null || call.StickyUntil is not { } until || now > until) return _roster.Values;
        return _roster.TryGetValue(call.StickyAgentId, out var preferred) && preferred.Status == AgentStatus.Available
            ? [preferred]
            : _roster.Values;
    }

    /// <summary>Every decision is kept for supervisors (in the shape <see cref="RoutingAudit"/> gives it); written through the group commit, off the routing path.</summary>
    private void Audit(WaitingCall call, RoutingDecision decision, List<string> reserved, List<SkippedAgent> refused, DateTimeOffset at)
    {
        var write = new ReadModelWrite("""
            INSERT INTO routing_decision (call_id, queue_id, decided_at, strategy, waited_ms, candidates, chosen, skipped)
            VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb)
            """, call.CallId, QueueId, at, RoutingStrategies.Name(_config.Strategy), (long)(at - call.EnqueuedAt).TotalMilliseconds,
            RoutingAudit.CandidatesJson(decision), reserved.ToArray(), RoutingAudit.SkippedJson(decision, refused));
        _ = log.AppendAsync(new EventAppend([], [write]));
    }
}
