using HomeService.EventLog;

namespace HomeService.CallCenter.Agents;

/// <summary>
/// An agent's seat as a state machine. Commands check the transition and return the event to record, or an
/// error code; <see cref="Apply"/> folds events. Single activation of the grain around it makes
/// <see cref="Reserve"/> the one place an agent can be taken, so an agent is never offered two calls.
/// </summary>
public sealed class AgentSeat : IAggregateState
{
    public int Version { get; set; }
    public string AgentId { get; set; } = "";
    public string Name { get; set; } = "";
    public Dictionary<string, int> Skills { get; set; } = new();
    public AgentStatus Status { get; set; } = AgentStatus.Offline;
    public string? NotReadyReason { get; set; }
    public DateTimeOffset StatusSince { get; set; }
    public string? CallId { get; set; }
    public string? QueueId { get; set; }
    public DateTimeOffset? CallAnsweredAt { get; set; }
    public int CallsHandled { get; set; }
    public int TalkSeconds { get; set; }
    public DateTimeOffset? IdleSince { get; set; }
    public DateTimeOffset? WrapUpEndsAt { get; set; }
    public int ConsecutiveMisses { get; set; }

    public AgentView View() => new(AgentId, Name, Status, NotReadyReason, StatusSince, Skills, CallId, CallsHandled, TalkSeconds,
        IdleSince, WrapUpEndsAt, Version);

    public Outcome Login(DateTimeOffset now) =>
        Status == AgentStatus.Offline ? Outcome.Of(new AgentLoggedIn(now)) : Outcome.Unchanged;

    public Outcome Logout(string reason, DateTimeOffset now) => Status switch
    {
        AgentStatus.Offline => Outcome.Unchanged,
        AgentStatus.Ringing or AgentStatus.OnCall => Outcome.Fail("busy"),
        _ => Outcome.Of(new AgentLoggedOut(reason, now)),
    };

    public Outcome Ready(DateTimeOffset now) => Status switch
    {
        AgentStatus.Available => Outcome.Unchanged,
        AgentStatus.NotReady or AgentStatus.AfterCallWork => Outcome.Of(new AgentReady(now)),
        _ => Outcome.Fail($"not-allowed-from:{Status}"),
    };

    public Outcome NotReady(string reason, DateTimeOffset now) => Status switch
    {
        AgentStatus.NotReady when NotReadyReason == reason => Outcome.Unchanged,
        AgentStatus.Available or AgentStatus.AfterCallWork or AgentStatus.NotReady => Outcome.Of(new AgentNotReady(reason, now)),
        _ => Outcome.Fail($"not-allowed-from:{Status}"),
    };

    public Outcome Reserve(string callId, string queueId, DateTimeOffset now) =>
        Status == AgentStatus.Available ? Outcome.Of(new AgentReserved(callId, queueId, now)) : Outcome.Fail($"not-available:{Status}");

    public Outcome Answer(string callId, DateTimeOffset now) =>
        Status == AgentStatus.Ringing && CallId == callId ? Outcome.Of(new AgentAnswered(callId, now))
        : Status == AgentStatus.OnCall && CallId == callId ? Outcome.Unchanged
        : Outcome.Fail("not-ringing-for-this-call");

    public Outcome MissOffer(string callId, bool rejected, int maxMisses, DateTimeOffset now)
    {
        if (Status != AgentStatus.Ringing || CallId != callId) return Outcome.Unchanged;
        var misses = rejected ? ConsecutiveMisses : ConsecutiveMisses + 1;
        return Outcome.Of(new AgentMissedOffer(callId, rejected, !rejected && misses >= maxMisses, now));
    }

    public Outcome EndCall(string callId, int wrapUpSeconds, DateTimeOffset now)
    {
        if (CallId != callId || Status is not (AgentStatus.OnCall or AgentStatus.Ringing)) return Outcome.Unchanged;
        if (Status == AgentStatus.Ringing) return Outcome.Of(new AgentMissedOffer(callId, true, false, now)); // caller hung up while ringing
        var talk = CallAnsweredAt is { } answered ? (int)Math.Max(0, (now - answered).TotalSeconds) : 0;
        return Outcome.Of(new AgentCallEnded(callId, talk, wrapUpSeconds > 0 ? now.AddSeconds(wrapUpSeconds) : null, now));
    }

    public Outcome EndWrapUp(DateTimeOffset now) =>
        Status == AgentStatus.AfterCallWork ? Outcome.Of(new AgentWrapUpEnded(now)) : Outcome.Unchanged;

    public void Apply(object e)
    {
        switch (e)
        {
            case AgentLoggedIn x: Become(AgentStatus.NotReady, x.At, "login"); ConsecutiveMisses = 0; break;
            case AgentLoggedOut x: Become(AgentStatus.Offline, x.At); IdleSince = null; break;
            case AgentReady x: Become(AgentStatus.Available, x.At); IdleSince ??= x.At; ConsecutiveMisses = 0; break;
            case AgentNotReady x: Become(AgentStatus.NotReady, x.At, x.Reason); IdleSince = null; break;
            case AgentReserved x: Become(AgentStatus.Ringing, x.At); CallId = x.CallId; QueueId = x.QueueId; break;
            case AgentAnswered x: Become(AgentStatus.OnCall, x.At); CallAnsweredAt = x.At; ConsecutiveMisses = 0; break;
            case AgentMissedOffer x:
                if (!x.Rejected) ConsecutiveMisses++;
                ClearCall();
                if (x.NowNotReady) { Become(AgentStatus.NotReady, x.At, NotReadyReasons.NoAnswer); IdleSince = null; }
                else Become(AgentStatus.Available, x.At); // keeps IdleSince: a missed offer is not a new idle period
                break;
            case AgentCallEnded x:
                CallsHandled++;
                TalkSeconds += x.TalkSeconds;
                ClearCall();
                WrapUpEndsAt = x.WrapUpEndsAt;
                Become(x.WrapUpEndsAt is null ? AgentStatus.Available : AgentStatus.AfterCallWork, x.At);
                IdleSince = x.WrapUpEndsAt is null ? x.At : null;
                break;
            case AgentWrapUpEnded x: Become(AgentStatus.Available, x.At); WrapUpEndsAt = null; IdleSince = x.At; break;
            default: throw new ArgumentException($"Unknown agent event {e.GetType().Name}");
        }
    }

    private void Become(AgentStatus status, DateTimeOffset at, string? reason = null)
    {
        Status = status;
        StatusSince = at;
        NotReadyReason = status == AgentStatus.NotReady ? reason : null;
        if (status != AgentStatus.AfterCallWork) WrapUpEndsAt = null;
    }

    private void ClearCall()
    {
        CallId = null;
        QueueId = null;
        CallAnsweredAt = null;
    }
}
