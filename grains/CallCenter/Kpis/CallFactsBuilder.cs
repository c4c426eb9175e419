using System.Text.Json;

namespace HomeService.CallCenter.Kpis;

/// <summary>
/// Turns committed "call" and "agent" events into KPI facts: queue visits, handled legs with talk and hold, wrap-up
/// per leg, agents' busy and idle spans, IVR self-service. The live grain and the historical report feed it the same
/// events and so get the same facts. It reads payloads by field name and ignores events it does not know (other
/// features add theirs), and it skips an event it has already seen (same aggregate and version), so a replay or a
/// forward that overlaps the activation read counts once. An event that comes before its predecessor (a forward lost
/// with a silo and made good later by the catch-up read) waits until the gap is filled: each aggregate's events are
/// applied in version order, or a call answered before it was queued would count as never answered.
/// </summary>
public sealed class CallFactsBuilder
{
    private readonly Dictionary<string, CallTrack> _calls = new();
    private readonly Dictionary<string, AgentTrack> _agents = new();
    private readonly Dictionary<(string Type, string Id), int> _lastVersion = new();
    private readonly Dictionary<(string Type, string Id), SortedList<int, KpiEvent>> _waiting = new();

    public List<QueueVisit> Visits { get; } = [];
    public List<HandledLeg> Legs { get; } = [];
    public List<AgentSpan> Spans { get; } = [];
    public List<IvrCompletion> IvrCompletions { get; } = [];
    /// <summary>Wrap-up after a leg, by (call, agent), once it has ended.</summary>
    public Dictionary<(string CallId, string AgentId), long> WrapUpMs { get; } = new();

    public void AddRange(IEnumerable<KpiEvent> events)
    {
        foreach (var e in events) Add(e);
    }

    /// <summary>Events that wait for an earlier version of their aggregate.</summary>
    public int Waiting => _waiting.Values.Sum(w => w.Count);

    /// <summary>
    /// Aggregates with events waiting for an earlier one, and the last version applied: the missing events come after it.
    /// A gap that outlives a forward's delay was lost (a forward dropped with a silo, or committed after the position an
    /// activation read from), and its aggregate's own log fills it.
    /// </summary>
    public IReadOnlyList<(string AggregateType, string AggregateId, int AfterVersion)> Gaps() =>
        _waiting.Keys.Select(k => (k.Type, k.Id, _lastVersion.GetValueOrDefault(k))).ToList();

    /// <summary>How many events have been applied: a caller can tell whether a batch changed anything.</summary>
    public long Applied { get; private set; }

    public void Add(KpiEvent e)
    {
        var key = (e.AggregateType, e.AggregateId);
        // A call is always read or forwarded from its first event; an agent may be met at any version (their status before a range).
        int? last = _lastVersion.TryGetValue(key, out var seen) ? seen : e.AggregateType == "call" ? 0 : null;
        if (last is { } known)
        {
            if (e.Version <= known) return;
            if (e.Version > known + 1)
            {
                (_waiting.TryGetValue(key, out var held) ? held : _waiting[key] = new SortedList<int, KpiEvent>())[e.Version] = e;
                return;
            }
        }
        Apply(key, e);
        if (!_waiting.TryGetValue(key, out var next)) return;
        while (next.Count > 0 && next.Keys[0] <= _lastVersion[key] + 1) // earlier duplicates are dropped on the way
        {
            var waiting = next.Values[0];
            next.RemoveAt(0);
            if (waiting.Version == _lastVersion[key] + 1) Apply(key, waiting);
        }
        if (next.Count == 0) _waiting.Remove(key);
    }

    private void Apply((string Type, string Id) key, KpiEvent e)
    {
        _lastVersion[key] = e.Version;
        Applied++;
        using var doc = JsonDocument.Parse(e.PayloadJson);
        var p = doc.RootElement;
        if (e.AggregateType == "call") OnCall(Call(e.AggregateId), e.EventType, p, e.OccurredAt);
        else if (e.AggregateType == "agent") OnAgent(Agent(e.AggregateId), e.EventType, p, e.OccurredAt);
    }

    /// <summary>Forgets calls and spans that ended before <paramref name="before"/> (the live grain keeps only today).</summary>
    public void Prune(DateTimeOffset before)
    {
        Visits.RemoveAll(v => v.QueuedAt < before);
        Legs.RemoveAll(l => l.EndedAt < before);
        Spans.RemoveAll(s => s.To < before);
        IvrCompletions.RemoveAll(i => i.CompletedAt < before);
        foreach (var (id, call) in _calls.ToList())
            if (call.EndedAt < before)
            {
                _calls.Remove(id);
                _lastVersion.Remove(("call", id)); // a late repeat of an old call's event would only touch forgotten facts
                _waiting.Remove(("call", id));
            }
        // Events still waiting for a predecessor from before the kept window will never be applied.
        foreach (var (key, held) in _waiting.ToList())
            if (held.Values[0].OccurredAt < before) _waiting.Remove(key);
        var liveLegs = Legs.Select(l => (l.CallId, l.AgentId)).ToHashSet();
        foreach (var k in WrapUpMs.Keys.ToList())
            if (!liveLegs.Contains(k)) WrapUpMs.Remove(k);
    }

    private void OnCall(CallTrack call, string type, JsonElement p, DateTimeOffset at)
    {
        switch (type)
        {
            case "CallOffered":
                call.RouteQueue = Text(p, "queueId");
                break;
            case "CallQueued":
                var queue = Text(p, "queueId") ?? call.RouteQueue ?? "";
                if (call.Visit is { Outcome: VisitOutcome.Waiting } same && same.QueueId == queue) break;
                if (call.Visit is { Outcome: VisitOutcome.Waiting } left) Close(left, VisitOutcome.Left, at);
                call.Visit = new QueueVisit(call.Id, queue, at);
                // A website callback request is queued already wanting a callback: offered, and a callback, never abandoned.
                if (call.WantsCallback) Close(call.Visit, VisitOutcome.Callback, at);
                Visits.Add(call.Visit);
                break;
            case "CallbackRequested":
                call.WantsCallback = true;
                if (call.Visit is { Outcome: VisitOutcome.Waiting } waiting) Close(waiting, VisitOutcome.Callback, at);
                break;
            case "CallOverflowed":
                if (call.Visit is { Outcome: VisitOutcome.Waiting } overflowed) Close(overflowed, VisitOutcome.Left, at);
                break;
            case "CallAnswered":
                var agent = Text(p, "agentId") ?? "";
                if (call.Visit is { Outcome: VisitOutcome.Waiting } answered)
                {
                    Close(answered, VisitOutcome.Answered, at);
                    answered.AgentId = agent;
                }
                else if (call.Visit is { Outcome: VisitOutcome.Callback } callback && Text(p, "how") == "callback")
                {
                    callback.CallbackMade = true;
                    callback.AgentId = agent;
                }
                StartLeg(call, agent, at);
                break;
            case "CallHeld":
            case "CallConsultStarted": // the agent puts the caller on hold to ring a colleague
                if (call.Leg is { HoldSince: null } held) held.HoldSince = at;
                break;
            case "CallResumed":
            case "CallConsultEnded": // the agent has the caller back
                if (call.Leg is { } resumed) EndHold(resumed, at);
                break;
            case "CallConsultCompleted":
                EndLeg(call, at, transferred: true);
                StartLeg(call, Text(p, "targetAgentId") ?? "", at);
                break;
            case "CallTransferred":
                EndLeg(call, at, transferred: true);
                break;
            case "CallEnded":
                EndLeg(call, at, transferred: false);
                if (call.Visit is { Outcome: VisitOutcome.Waiting } abandoned) Close(abandoned, VisitOutcome.Abandoned, at);
                call.EndedAt = at;
                break;
            case "CallIvrStep":
                // Served by the IVR: a self-service lookup found the order and spoke its status. Once per call, however
                // many orders the caller looks up; the call has no queue yet, so it counts for the center as a whole.
                if (!call.SelfServed && Text(p, "outcome")?.StartsWith(HomeService.CallCenter.Ivr.IvrSession.FoundOutcome, StringComparison.Ordinal) == true)
                {
                    call.SelfServed = true;
                    IvrCompletions.Add(new IvrCompletion(call.Id, call.RouteQueue, at));
                }
                break;
        }
    }

    private void StartLeg(CallTrack call, string agentId, DateTimeOffset at)
    {
        EndLeg(call, at, transferred: false);
        call.Leg = new HandledLeg(call.Id, call.Visit?.QueueId ?? call.RouteQueue ?? "", agentId, at);
        Legs.Add(call.Leg);
    }

    private static void EndLeg(CallTrack call, DateTimeOffset at, bool transferred)
    {
        if (call.Leg is not { } leg) return;
        EndHold(leg, at);
        leg.EndedAt = at;
        leg.TransferredOut = transferred;
        call.Leg = null;
    }

    private static void EndHold(HandledLeg leg, DateTimeOffset at)
    {
        if (leg.HoldSince is not { } since) return;
        leg.HoldMs += (long)(at - since).TotalMilliseconds;
        leg.HoldSince = null;
    }

    private static void Close(QueueVisit visit, VisitOutcome outcome, DateTimeOffset at)
    {
        visit.Outcome = outcome;
        visit.OutcomeAt = at;
    }

    private void OnAgent(AgentTrack agent, string type, JsonElement p, DateTimeOffset at)
    {
        // The seat's status after the event, as busy (on a call or in wrap-up), idle (ready or ringing) or neither
        // (not ready, logged out). An event this builder does not know changes nothing.
        AgentTimeKind? kind;
        switch (type)
        {
            case "AgentReady" or "AgentReserved" or "AgentWrapUpEnded": kind = AgentTimeKind.Idle; break;
            case "AgentAnswered": kind = AgentTimeKind.Busy; break;
            case "AgentMissedOffer": kind = Bool(p, "nowNotReady") ? null : AgentTimeKind.Idle; break;
            case "AgentCallEnded": kind = HasValue(p, "wrapUpEndsAt") ? AgentTimeKind.Busy : AgentTimeKind.Idle; break;
            case "AgentLoggedIn" or "AgentLoggedOut" or "AgentNotReady": kind = null; break;
            default: return;
        }

        // Wrap-up lasts from the end of the agent's leg to the seat's next change (ready, not ready, logged out...).
        if (agent.WrapCall is { } wrapCall)
        {
            WrapUpMs[(wrapCall, agent.Id)] = (long)(at - agent.WrapSince).TotalMilliseconds;
            agent.WrapCall = null;
        }
        if (type == "AgentCallEnded" && kind == AgentTimeKind.Busy && Text(p, "callId") is { } ended)
            (agent.WrapCall, agent.WrapSince) = (ended, at);

        if (agent.Span is { } open && open.Kind == kind) return; // same kind: the span goes on
        if (agent.Span is { } closing) closing.To = at;
        agent.Span = null;
        if (kind is { } k)
        {
            agent.Span = new AgentSpan(agent.Id, k, at);
            Spans.Add(agent.Span);
        }
    }

    private CallTrack Call(string id) => _calls.TryGetValue(id, out var c) ? c : _calls[id] = new CallTrack(id);

    private AgentTrack Agent(string id) => _agents.TryGetValue(id, out var a) ? a : _agents[id] = new AgentTrack(id);

    private static string? Text(JsonElement p, string name) =>
        p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool HasValue(JsonElement p, string name) =>
        p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    private static bool Bool(JsonElement p, string name) =>
        p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private sealed class CallTrack(string id)
    {
        public string Id { get; } = id;
        public string? RouteQueue { get; set; }
        public bool WantsCallback { get; set; }
        public bool SelfServed { get; set; }
        public QueueVisit? Visit { get; set; }
        public HandledLeg? Leg { get; set; }
        public DateTimeOffset? EndedAt { get; set; }
    }

    private sealed class AgentTrack(string id)
    {
        public string Id { get; } = id;
        public AgentSpan? Span { get; set; }
        public string? WrapCall { get; set; }
        public DateTimeOffset WrapSince { get; set; }
    }
}
