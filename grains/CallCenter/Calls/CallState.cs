using HomeService.EventLog;

namespace HomeService.CallCenter.Calls;

/// <summary>A call's state, folded from its events. The timeline is what supervisors and the console show.</summary>
public sealed partial class CallState : IAggregateState
{
    private const int MaxRememberedEventIds = 64;

    public int Version { get; set; }
    public bool Exists { get; set; }
    public string CallId { get; set; } = "";
    public string Caller { get; set; } = "";
    public string Dialled { get; set; } = "";
    public string? IvrChoice { get; set; }
    public int Priority { get; set; }
    public CallStatus Status { get; set; } = CallStatus.Ivr;
    public string? QueueId { get; set; }
    public string? AgentId { get; set; }
    public List<string> RingingAgents { get; set; } = [];
    public int RingTimeoutSeconds { get; set; }
    public int MaxNoAnswers { get; set; }
    public int WrapUpSeconds { get; set; }
    public DateTimeOffset OfferedAt { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
    public DateTimeOffset? RingingSince { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndCause { get; set; }
    public string? RecordingUrl { get; set; }
    public List<CallTimelineEntry> Timeline { get; set; } = [];
    public List<string> SeenEventIds { get; set; } = [];
    public string? ConsultAgentId { get; set; }
    public bool ConsultConnected { get; set; }
    public DateTimeOffset? ConsultSince { get; set; }
    public bool CallbackOffered { get; set; }
    public bool WantsCallback { get; set; }
    public DateTimeOffset? LastAnnouncedAt { get; set; }
    /// <summary>The agent who last transferred the call away, and their note: the next agent's pop shows both.</summary>
    public string? TransferredBy { get; set; }
    public string? TransferNote { get; set; }

    public bool IsLive => Exists && Status != CallStatus.Ended;

    /// <summary>"Web callback" is the number a website callback request (免费网上呼) is filed under; there is no caller on a line.</summary>
    public const string WebCallbackNumber = "web-callback";
    public bool IsWebCallback => Dialled == WebCallbackNumber;

    /// <summary>Still waiting for an agent: in the queue, or dialled back later.</summary>
    public bool IsWaiting => Status is CallStatus.Queued or CallStatus.CallbackWaiting;

    public bool Seen(string? eventId) => eventId is not null && SeenEventIds.Contains(eventId);

    public CallView View() => new(CallId, Caller, Dialled, Status, QueueId, AgentId, RingingAgents.ToList(), IvrChoice, OfferedAt,
        AnsweredAt, EndedAt, EndCause, RecordingUrl, Timeline.ToList(), Version, ConsultAgentId, ConsultConnected);

    public void Apply(object e)
    {
        switch (e)
        {
            case CallOffered x:
                (Exists, Caller, Dialled, IvrChoice, QueueId, Priority, OfferedAt) = (true, x.Caller, x.Dialled, x.IvrChoice, x.QueueId, x.Priority, x.At);
                Note(x.EventId, x.At, "offered", $"{x.Caller} → {x.Dialled}" + (x.IvrChoice is null ? "" : $" IVR {x.IvrChoice}"));
                break;
            case CallQueued x:
                (Status, QueueId) = (CallStatus.Queued, x.QueueId);
                QueuedAt ??= x.At;
                Note(null, x.At, "queued", $"{x.QueueId} #{x.Position}");
                break;
            case CallRinging x:
                (Status, QueueId, RingingAgents, RingingSince) = (CallStatus.Ringing, x.QueueId, x.AgentIds.ToList(), x.At);
                (RingTimeoutSeconds, MaxNoAnswers, WrapUpSeconds) = (x.RingTimeoutSeconds, x.MaxNoAnswers, x.WrapUpSeconds);
                Note(null, x.At, "ringing", string.Join(",", x.AgentIds));
                break;
            case CallRingStopped x:
                RingingAgents.Remove(x.AgentId);
                if (RingingAgents.Count == 0 && Status == CallStatus.Ringing)
                {
                    Status = WantsCallback ? CallStatus.CallbackWaiting : CallStatus.Queued;
                    RingingSince = null;
                }
                Note(null, x.At, "ring-stopped", $"{x.AgentId} {x.Reason}");
                break;
            case CallAnswered x:
                (Status, AgentId, AnsweredAt, RingingSince) = (CallStatus.Connected, x.AgentId, x.At, null);
                RingingAgents.Clear();
                Note(x.EventId, x.At, "answered", $"{x.AgentId} ({x.How})");
                break;
            case CallHeld x: Status = CallStatus.OnHold; Note(null, x.At, "hold", x.AgentId); break;
            case CallResumed x: Status = CallStatus.Connected; Note(null, x.At, "unhold", x.AgentId); break;
            case CallTransferred x:
                Note(null, x.At, "transferred", $"{x.FromAgentId} → {x.TargetKind}:{x.TargetId}");
                (TransferredBy, TransferNote) = (x.FromAgentId, x.Note);
                AgentId = null;
                AnsweredAt = null;
                Status = x.TargetKind == TransferTarget.Queue ? CallStatus.Queued : Status;
                if (x.TargetKind == TransferTarget.Queue) QueueId = x.TargetId;
                break;
            case CallDigits x: Note(x.EventId, x.At, "dtmf", x.Digits); break;
            case CallConsultStarted x:
                (ConsultAgentId, ConsultConnected, ConsultSince, Status) = (x.TargetAgentId, false, x.At, CallStatus.OnHold);
                // The colleague's pop says who is passing the call on and why, as a blind transfer's does.
                (TransferredBy, TransferNote) = (x.FromAgentId, x.Note);
                Note(null, x.At, "consult", $"{x.FromAgentId} → {x.TargetAgentId}");
                break;
            case CallConsultAnswered x: ConsultConnected = true; Note(null, x.At, "consult-answered", x.TargetAgentId); break;
            case CallConsultEnded x:
                (ConsultAgentId, ConsultConnected, ConsultSince) = (null, false, null);
                if (Status == CallStatus.OnHold) Status = CallStatus.Connected; // the agent has the caller back
                Note(null, x.At, "consult-ended", $"{x.TargetAgentId} {x.Reason}");
                break;
            case CallConsultCompleted x:
                (AgentId, ConsultAgentId, ConsultConnected, ConsultSince, Status, AnsweredAt) = (x.TargetAgentId, null, false, null, CallStatus.Connected, x.At);
                Note(null, x.At, "transferred", $"{x.FromAgentId} → agent:{x.TargetAgentId} (attended)");
                break;
            case CallbackOffered x: CallbackOffered = true; Note(null, x.At, "callback-offered", x.QueueId); break;
            case CallbackRequested x:
                (WantsCallback, Status) = (true, CallStatus.CallbackWaiting);
                Note(x.EventId, x.At, "callback-requested", null);
                break;
            case CallOverflowed x:
                (QueueId, Status) = (x.ToQueueId, CallStatus.Queued);
                Note(null, x.At, "overflow", $"{x.FromQueueId} → {x.ToQueueId}");
                break;
            case CallRecordingReady x: RecordingUrl = x.Url; Note(x.EventId, x.At, "recording", x.Url); break;
            case CallEnded x:
                (Status, EndedAt, EndCause) = (CallStatus.Ended, x.At, x.Cause);
                RingingAgents.Clear();
                Note(x.EventId, x.At, "ended", $"{x.By}: {x.Cause}");
                break;
            default:
                // Each feature of a call folds its own events (CallState.<Feature>.cs).
                if (!ApplyIvr(e) && !ApplyRecording(e) && !ApplySupervision(e) && !ApplyConference(e) && !ApplyOutbound(e) && !ApplyHotline(e))
                    throw new ArgumentException($"Unknown call event {e.GetType().Name}");
                break;
        }
    }

    private void Note(string? eventId, DateTimeOffset at, string what, string? detail)
    {
        Timeline.Add(new CallTimelineEntry(at, what, detail));
        if (eventId is null) return;
        SeenEventIds.Add(eventId);
        if (SeenEventIds.Count > MaxRememberedEventIds) SeenEventIds.RemoveAt(0);
    }
}
