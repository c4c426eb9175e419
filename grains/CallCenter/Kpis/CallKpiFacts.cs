namespace HomeService.CallCenter.Kpis;

/// <summary>How a call's stay in one queue ended. Waiting: not yet.</summary>
public enum VisitOutcome { Waiting, Answered, Abandoned, Callback, Left }

/// <summary>
/// One stay of a call in one queue ("offered to the queue"): from its CallQueued to an answer, an abandon, a callback
/// request or leaving for another queue (overflow). A call that overflows or is transferred to a queue is offered to
/// each queue it enters. Counted in the interval of <see cref="QueuedAt"/>.
/// </summary>
public sealed class QueueVisit(string callId, string queueId, DateTimeOffset queuedAt)
{
    public string CallId { get; } = callId;
    public string QueueId { get; } = queueId;
    public DateTimeOffset QueuedAt { get; } = queuedAt;
    public VisitOutcome Outcome { get; set; }
    public DateTimeOffset? OutcomeAt { get; set; }
    public string? AgentId { get; set; }
    public bool CallbackMade { get; set; }

    /// <summary>Time in the queue until the answer or the abandon.</summary>
    public TimeSpan Wait => (OutcomeAt ?? QueuedAt) - QueuedAt;
}

/// <summary>
/// One agent's part of a call, answer to release (hang-up or transfer). Counted as one handled call in the interval
/// of <see cref="EndedAt"/>; a transferred call is handled by each agent who answered it.
/// </summary>
public sealed class HandledLeg(string callId, string queueId, string agentId, DateTimeOffset answeredAt)
{
    public string CallId { get; } = callId;
    public string QueueId { get; } = queueId;
    public string AgentId { get; } = agentId;
    public DateTimeOffset AnsweredAt { get; } = answeredAt;
    public DateTimeOffset? EndedAt { get; set; }
    public long HoldMs { get; set; }
    public DateTimeOffset? HoldSince { get; set; }
    public bool TransferredOut { get; set; }

    /// <summary>Talk excludes hold: the leg's length minus the time the caller was on hold.</summary>
    public long TalkMs => EndedAt is { } ended ? (long)(ended - AnsweredAt).TotalMilliseconds - HoldMs : 0;
}

/// <summary>Whether an agent's time counts as working (talk, hold, wrap-up) or as available idle (ready or ringing).</summary>
public enum AgentTimeKind { Busy, Idle }

/// <summary>A stretch of an agent's time in one kind; <see cref="To"/> null while it lasts.</summary>
public sealed class AgentSpan(string agentId, AgentTimeKind kind, DateTimeOffset from)
{
    public string AgentId { get; } = agentId;
    public AgentTimeKind Kind { get; } = kind;
    public DateTimeOffset From { get; } = from;
    public DateTimeOffset? To { get; set; }
}

/// <summary>A caller finished in the IVR without an agent (self-service), if the IVR records it. A fact, not an event.</summary>
public sealed record IvrCompletion(string CallId, string? QueueId, DateTimeOffset CompletedAt);

/// <summary>Per-queue service-level threshold: answered within <see cref="Seconds"/>, target <see cref="Target"/> %.</summary>
public sealed record ServiceLevelThreshold(int Seconds, int Target)
{
    public static readonly ServiceLevelThreshold Default = new(20, 80);
}
