using HomeService.EventLog;

namespace HomeService.WorkOrders;

/// <summary>
/// A service work order as a state machine over <see cref="WorkOrderTransitions"/>: each command checks the
/// transition (an illegal one is refused naming the current state) and its own rules, and returns the event to
/// record; <see cref="Apply"/> folds events, so the same code replays the log.
/// </summary>
public sealed class WorkOrder : IAggregateState
{
    public int Version { get; set; }
    public string OrderNo { get; set; } = "";
    public bool Exists { get; set; }
    public WorkOrderKind Kind { get; set; }
    public WorkOrderStatus Status { get; set; }
    public WorkOrderStatus? ResumeTo { get; set; }
    public string Channel { get; set; } = "phone";
    public string? CallId { get; set; }
    public string? MemberId { get; set; }
    public string? ContactName { get; set; }
    public string ContactPhone { get; set; } = "";
    public string? Notes { get; set; }
    public string? CreatedBy { get; set; }
    public string? Category { get; set; }
    public string? Address { get; set; }
    public string? District { get; set; }
    public DateTimeOffset? WindowStart { get; set; }
    public DateTimeOffset? WindowEnd { get; set; }
    public Dictionary<string, string> Requirements { get; set; } = new();
    public List<string> RequiredSkills { get; set; } = [];
    public int TermsVersion { get; set; }
    public string? MerchantId { get; set; }
    public DateTimeOffset? OfferExpiresAt { get; set; }
    public int OfferAttempts { get; set; }
    public HashSet<string> RefusedBy { get; set; } = [];
    public string? WorkerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? FirstOfferedAt { get; set; }
    /// <summary>When the offer now open was made, and which offer its merchant was last reminded of (0: none).</summary>
    public DateTimeOffset? OfferedAt { get; set; }
    public int OfferRemindedAttempt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? EndReason { get; set; }
    public int? Score { get; set; }
    public bool? Resolved { get; set; }
    public string? RatingChannel { get; set; }
    public int FollowUpAttempts { get; set; }
    public List<string> FollowUpNotes { get; set; } = [];
    public FollowUpRecorded? LastFollowUp { get; set; }
    public string? RelatedOrderNo { get; set; }
    public string? AgainstMerchantId { get; set; }
    public string? AgainstWorkerId { get; set; }
    public string? Severity { get; set; }
    public string? Description { get; set; }
    public string? LinkedComplaintNo { get; set; }
    /// <summary>What the worker reported at check-out: extra items, and the amount collected in fen (分; whole numbers for settlement).</summary>
    public string? CheckOutExtras { get; set; }
    public long? CollectedFen { get; set; }

    public const int MaxFollowUpAttempts = 3;

    public string? Question { get; set; }
    public string? ResponsibleParty { get; set; }
    public string? ForwardedTo { get; set; }
    public string? Response { get; set; }
    public bool? Upheld { get; set; }
    public string? VerdictReason { get; set; }
    public string? Reply { get; set; }

    /// <summary>Default response and resolution times per complaint severity; settings may replace them (WorkOrderOptions).</summary>
    public static (TimeSpan Respond, TimeSpan Resolve) DefaultComplaintSla(string? severity) => severity switch
    {
        "high" => (TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
        "low" => (TimeSpan.FromHours(48), TimeSpan.FromHours(120)),
        _ => (TimeSpan.FromHours(24), TimeSpan.FromHours(72)),
    };

    public Outcome AssignComplaint(string party, DateTimeOffset now, Func<string?, (TimeSpan Respond, TimeSpan Resolve)>? slaFor = null)
    {
        if (!(party.StartsWith("merchant:") || party.StartsWith("department:")) || party.Length > 64) return Outcome.Fail("party");
        var (respond, resolve) = (slaFor ?? DefaultComplaintSla)(Severity);
        return Move(WorkOrderAction.Assign, new ComplaintAssigned(party, respond, resolve, now));
    }

    /// <summary>A merchant may answer only a complaint assigned to it.</summary>
    public Outcome Respond(string text, string by, DateTimeOffset now) =>
        Kind == WorkOrderKind.Complaint && by.StartsWith("merchant:") && ResponsibleParty != by ? Outcome.Fail("not-your-order")
        : string.IsNullOrWhiteSpace(text) ? Outcome.Fail("text") : Move(WorkOrderAction.Respond, new ResponseGiven(text.Trim(), by, now));

    public Outcome GiveVerdict(bool upheld, string reason, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(reason) ? Outcome.Fail("reason") : Move(WorkOrderAction.GiveVerdict, new VerdictGiven(upheld, reason.Trim(), now));

    public IReadOnlyList<object> FollowUpComplainant(bool satisfied, string? comment, DateTimeOffset now, out string? error)
    {
        var action = satisfied ? WorkOrderAction.RecordFollowUp : WorkOrderAction.Reopen;
        error = WorkOrderTransitions.Next(Kind, Status, action) is null ? $"illegal:{Status}" : null;
        if (error is not null) return [];
        return satisfied
            ? [new ComplainantFollowedUp(true, comment, now), new OrderClosed(now)]
            : [new ComplainantFollowedUp(false, comment, now)];
    }

    public Outcome AnswerDirectly(string text, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(text) ? Outcome.Fail("text") : Move(WorkOrderAction.AnswerDirectly, new ConsultationAnswered(text.Trim(), now));

    public Outcome Forward(string to, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(to) || to.Length > 64 ? Outcome.Fail("to") : Move(WorkOrderAction.Forward, new OrderForwarded(to.Trim(), now));

    /// <summary>The expert's (consultation) or department's (suggestion) answer, before it goes to the customer.</summary>
    public Outcome DraftReply(string text, string by, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(text) ? Outcome.Fail("text")
        : Move(Kind == WorkOrderKind.Suggestion ? WorkOrderAction.Respond : WorkOrderAction.Reply, new ReplyDrafted(text.Trim(), by, now));

    public IReadOnlyList<object> SendReply(string channel, DateTimeOffset now, out string? error)
    {
        error = channel is "sms" or "in-app" or "phone" ? null : "channel";
        if (error is null && WorkOrderTransitions.Next(Kind, Status, WorkOrderAction.SendReply) is null) error = $"illegal:{Status}";
        if (error is not null) return [];
        // A suggestion's reply is its last step before closing; a consultation closes with the reply.
        return Kind == WorkOrderKind.Suggestion ? [new ReplySent(channel, now), new OrderClosed(now)] : [new ReplySent(channel, now)];
    }

    /// <summary>The order's deadlines (dispatch, arrival, completion); paused while the order waits for the customer.</summary>
    public Dictionary<string, SlaClock> Slas { get; set; } = new();
    public HashSet<string> SlaWarnings { get; set; } = [];
    public HashSet<string> SlaBreaches { get; set; } = [];

    /// <summary>
    /// Clocks follow the order: dispatch runs from intake to acceptance, arrival from acceptance to check-in (due at the
    /// window's start), completion from check-in to check-out (due a grace after the window's end).
    /// </summary>
    private void RunClocks(object e, TimeSpan dispatchSla, TimeSpan completionGrace)
    {
        static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
        void Start(string name, DateTimeOffset at, DateTimeOffset due) => Slas[name] = new SlaClock(name, at, due - at);
        void Stop(string name, DateTimeOffset at)
        {
            if (Slas.TryGetValue(name, out var c)) Slas[name] = c.Stop(at);
        }
        switch (e)
        {
            case OrderClassified x: Start("dispatch", x.At, x.At + dispatchSla); break;
            case OrderAccepted x:
                Stop("dispatch", x.At);
                if (WindowStart is { } start) Start("arrival", x.At, start > x.At ? start : x.At);
                break;
            case WorkerCheckedIn x:
                Stop("arrival", x.At);
                if (WindowEnd is { } end) Start("completion", x.At, (end > x.At ? end : x.At) + completionGrace);
                break;
            case WorkerCheckedOut x: Stop("completion", x.At); break;
            case OrderRescheduled x:
                // A new window moves the arrival and completion deadlines that are running; pauses already taken still count.
                if (Slas.TryGetValue("arrival", out var arrival) && !arrival.Stopped)
                    Slas["arrival"] = arrival.WithAllowance(Max(x.WindowStart - arrival.StartedAt, TimeSpan.Zero));
                if (Slas.TryGetValue("completion", out var completion) && !completion.Stopped)
                    Slas["completion"] = completion.WithAllowance(Max(x.WindowEnd + completionGrace - completion.StartedAt, TimeSpan.Zero));
                break;
            case ComplaintAssigned x:
                if (!Slas.ContainsKey("response")) Start("response", x.At, x.At + x.RespondWithin);
                if (!Slas.ContainsKey("resolution")) Start("resolution", x.At, x.At + x.ResolveWithin);
                break;
            case ResponseGiven x: Stop("response", x.At); break;
            case OrderClosed x: foreach (var name in Slas.Keys.ToList()) Slas[name] = Slas[name].Stop(x.At); break;
            case OrderHeld x: foreach (var name in Slas.Keys.ToList()) Slas[name] = Slas[name].Pause(x.At); break;
            case OrderResumed x: foreach (var name in Slas.Keys.ToList()) Slas[name] = Slas[name].Resume(x.At); break;
            case OrderCancelled x: foreach (var name in Slas.Keys.ToList()) Slas[name] = Slas[name].Stop(x.At); break;
            case SlaWarned x: SlaWarnings.Add(x.Clock); break;
            case SlaBreached x: SlaBreaches.Add(x.Clock); break;
        }
    }

    /// <summary>The SLA events due by now (warnings first), each clock's at most once.</summary>
    public IReadOnlyList<object> DueSlaEvents(DateTimeOffset now)
    {
        var due = new List<object>();
        foreach (var (name, clock) in Slas)
        {
            if (clock.Stopped || clock.Paused) continue;
            if (!SlaWarnings.Contains(name) && clock.WarningAt(now) <= now) due.Add(new SlaWarned(name, clock.DeadlineAt(now), now));
            if (!SlaBreaches.Contains(name) && clock.DeadlineAt(now) < now) due.Add(new SlaBreached(name, clock.DeadlineAt(now), now));
        }
        return due;
    }

    /// <summary>When the next SLA warning or breach falls due, if any clock is running.</summary>
    public DateTimeOffset? NextSlaDue(DateTimeOffset now) => Slas
        .Where(c => !c.Value.Stopped && !c.Value.Paused)
        .SelectMany(c => new[]
        {
            SlaWarnings.Contains(c.Key) ? (DateTimeOffset?)null : c.Value.WarningAt(now),
            SlaBreaches.Contains(c.Key) ? (DateTimeOffset?)null : c.Value.DeadlineAt(now).AddMilliseconds(1),
        })
        .Where(d => d is not null)
        .Min();

    public TimeSpan DispatchSla { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan CompletionGrace { get; set; } = TimeSpan.FromHours(4);

    /// <summary>A low score or an unresolved problem opens a complaint on its own.</summary>
    public bool NeedsComplaint => RatingChannel is not null && (Score <= 2 || Resolved == false) && LinkedComplaintNo is null;

    public bool Open => Exists && Status is not (WorkOrderStatus.Closed or WorkOrderStatus.Cancelled);

    /// <summary>The merchant holds the work (it counts against their capacity) from acceptance until the visit ends.</summary>
    public bool HeldByMerchant => MerchantId is not null && Status is WorkOrderStatus.Accepted or WorkOrderStatus.WorkerAssigned
        or WorkOrderStatus.EnRoute or WorkOrderStatus.InService;

    public WorkOrderView View() => new(OrderNo, Kind, Status, Channel, CallId, MemberId, ContactName, ContactPhone, Category, Address, District,
        WindowStart, WindowEnd, Requirements, MerchantId, OfferExpiresAt, OfferAttempts, WorkerId, Notes, CreatedAt, CompletedAt, Version,
        Score, Resolved, RelatedOrderNo, LinkedComplaintNo, Severity, Question, ResponsibleParty, ForwardedTo, Response, Upheld, VerdictReason, Reply, CreatedBy, RequiredSkills,
        CheckOutExtras, CollectedFen);

    private Outcome Move(WorkOrderAction action, object e) =>
        WorkOrderTransitions.Next(Kind, Status, action) is null ? Outcome.Fail($"illegal:{Status}") : Outcome.Of(e);

    public Outcome Classify(OrderClassified c) => Move(WorkOrderAction.Classify, c);

    public Outcome Offer(string merchantId, bool manual, string? reason, TimeSpan acceptWithin, DateTimeOffset now) =>
        Move(manual ? WorkOrderAction.DispatchManually : WorkOrderAction.Offer,
            new OrderOffered(merchantId, OfferAttempts + 1, manual, reason, now + acceptWithin, now));

    /// <summary>Only the merchant holding the offer may answer it.</summary>
    public Outcome Accept(string merchantId, DateTimeOffset now) =>
        Status == WorkOrderStatus.Offered && MerchantId != merchantId ? Outcome.Fail("not-your-offer") : Move(WorkOrderAction.Accept, new OrderAccepted(merchantId, now));

    public Outcome Decline(string merchantId, bool timedOut, string? reason, DateTimeOffset now) =>
        Status == WorkOrderStatus.Offered && MerchantId != merchantId ? Outcome.Fail("not-your-offer")
        : Move(timedOut ? WorkOrderAction.TimeOutOffer : WorkOrderAction.RefuseOffer, new OfferDeclined(merchantId, timedOut, reason, now));

    /// <summary>
    /// When the merchant holding the offer hears it is about to lapse: <paramref name="before"/> its end, once per offer,
    /// and only for an offer at least twice that long (a reminder right after the offer is noise).
    /// </summary>
    public DateTimeOffset? OfferReminderDue(TimeSpan before) =>
        Status == WorkOrderStatus.Offered && OfferExpiresAt is { } ends && OfferedAt is { } offered && OfferRemindedAttempt != OfferAttempts
        && before > TimeSpan.Zero && ends - offered >= before * 2 ? ends - before : null;

    public Outcome RemindOffer(TimeSpan before, DateTimeOffset now) =>
        OfferReminderDue(before) is { } due && due <= now && now < OfferExpiresAt && MerchantId is { } merchant
            ? Outcome.Of(new OfferReminded(merchant, OfferAttempts, OfferExpiresAt!.Value, now))
            : Outcome.Fail("no-reminder-due");

    public Outcome Exhaust(DateTimeOffset now) => Move(WorkOrderAction.ExhaustOffers, new OffersExhausted(OfferAttempts, now));

    public Outcome MerchantCancel(string merchantId, string reason, DateTimeOffset now) =>
        MerchantId != merchantId ? Outcome.Fail("not-your-order") : Move(WorkOrderAction.MerchantCancel, new MerchantCancelled(merchantId, reason, now));

    public Outcome AssignWorker(string merchantId, string workerId, DateTimeOffset now) =>
        MerchantId != merchantId ? Outcome.Fail("not-your-order") : Move(WorkOrderAction.AssignWorker, new WorkerAssigned(workerId, now));

    public Outcome StartTrip(string workerId, DateTimeOffset now) =>
        WorkerId != workerId ? Outcome.Fail("not-your-job") : Move(WorkOrderAction.StartTrip, new WorkerEnRoute(workerId, now));

    /// <summary>The step must be legal first (a closed order says so), then the visit's day and time (<see cref="CheckInRule"/>).</summary>
    public Outcome CheckIn(string workerId, bool confirmedEarly, TimeSpan earlyAllowance, DateTimeOffset now)
    {
        if (WorkerId != workerId) return Outcome.Fail("not-your-job");
        var judgement = CheckInRule.Judge(WindowStart, WindowEnd, now, earlyAllowance, confirmedEarly);
        var step = Move(WorkOrderAction.CheckIn, new WorkerCheckedIn(workerId, now, judgement.Early));
        if (step.Error is not null) return step;
        return judgement.Refusal is { } refusal ? Outcome.Fail(refusal) : step;
    }

    /// <summary>签退 with what the worker reports: extra items done beyond the order, and any amount they collected on the spot.</summary>
    public Outcome CheckOut(string workerId, CheckOutSummary summary, DateTimeOffset now) =>
        WorkerId != workerId ? Outcome.Fail("not-your-job")
        : Move(WorkOrderAction.CheckOut, new WorkerCheckedOut(workerId, now, string.IsNullOrWhiteSpace(summary.Extras) ? null : summary.Extras.Trim(),
            summary.CollectedFen is > 0 ? summary.CollectedFen : null));

    public Outcome CustomerCancel(string reason, string by, DateTimeOffset now) => Move(WorkOrderAction.CustomerCancel, new OrderCancelled(reason, by, now));

    public Outcome Reschedule(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now) =>
        end <= start || end < now ? Outcome.Fail("window") : Move(WorkOrderAction.Reschedule, new OrderRescheduled(start, end, now));

    public Outcome Hold(string reason, DateTimeOffset now) => Move(WorkOrderAction.Hold, new OrderHeld(reason, now));

    public Outcome Resume(DateTimeOffset now) => Move(WorkOrderAction.Resume, new OrderResumed(now));

    /// <summary>The visit cannot be done (wrong address, nobody home, beyond the worker's trade); only the order's worker or the center says so.</summary>
    public Outcome CannotComplete(string reason, string? workerId, DateTimeOffset now) =>
        workerId is not null && WorkerId != workerId ? Outcome.Fail("not-your-job")
        : string.IsNullOrWhiteSpace(reason) ? Outcome.Fail("reason")
        : Move(WorkOrderAction.CannotComplete, new OrderCannotComplete(reason.Trim(), now));

    /// <summary>The center closes an order that could not be completed, once the customer has been told.</summary>
    public Outcome Close(DateTimeOffset now) => Kind == WorkOrderKind.Service && Status == WorkOrderStatus.CannotComplete
        ? Move(WorkOrderAction.Close, new OrderClosed(now)) : Outcome.Fail($"illegal:{Status}");

    public Outcome FollowUpDue(DateTimeOffset now) => Move(WorkOrderAction.FollowUpFallsDue, new FollowUpFellDue(now));

    /// <summary>
    /// Records a follow-up. The first rating from any channel (agent call, IVR, the resident on the web) is the
    /// order's rating and completes the visit; a later one is kept as a note. Unreachable is retried up to a limit.
    /// </summary>
    public IReadOnlyList<object> RecordFollowUp(string channel, int? score, bool? resolved, string? comment, bool unreachable, string? actor,
        DateTimeOffset now, out string? error, IReadOnlyList<string>? tags = null, IReadOnlyList<Guid>? photos = null)
    {
        if (tags is { Count: 0 }) tags = null;
        if (photos is { Count: 0 }) photos = null;
        error = null;
        if (!unreachable && (score is not (>= 1 and <= 5) || resolved is null)) { error = "score"; return []; }
        // The same outcome from the same person within a minute is a repeated click or retry, not a second follow-up.
        if (LastFollowUp is { } last && last.Actor == actor && last.Channel == channel && last.Score == score && last.Resolved == resolved
            && last.Comment == comment && last.Unreachable == unreachable && now - last.At < TimeSpan.FromMinutes(1)) return [];
        if (RatingChannel is not null)
            return [new FollowUpRecorded(channel, score, resolved, comment, unreachable, CountsAsRating: false, actor, now, tags, photos)];
        if (Status != WorkOrderStatus.FollowUpDue && !(Status == WorkOrderStatus.Completed && channel == "web"))
        {
            error = $"illegal:{Status}";
            return [];
        }
        var events = new List<object>();
        if (Status == WorkOrderStatus.Completed) events.Add(new FollowUpFellDue(now)); // the resident rated before the visit fell due
        events.Add(new FollowUpRecorded(channel, score, resolved, comment, unreachable, CountsAsRating: !unreachable, actor, now, tags, photos));
        if (!unreachable || FollowUpAttempts + 1 >= MaxFollowUpAttempts) events.Add(new OrderClosed(now));
        return events;
    }

    public void Apply(object e)
    {
        ApplyStatus(e);
        RunClocks(e, DispatchSla, CompletionGrace);
    }

    private void ApplyStatus(object e)
    {
        switch (e)
        {
            case OrderCreated x:
                (Exists, Kind, Channel, CallId, MemberId, ContactName, ContactPhone, Notes, CreatedAt, CreatedBy) =
                    (true, x.Kind, x.Channel, x.CallId, x.MemberId, x.ContactName, x.ContactPhone, x.Notes, x.At, x.CreatedBy);
                Status = WorkOrderTransitions.Initial(x.Kind);
                break;
            case OrderClassified x:
                (Category, Address, District, WindowStart, WindowEnd) = (x.Category, x.Address, x.District, x.WindowStart, x.WindowEnd);
                Requirements = x.Requirements.ToDictionary();
                RequiredSkills = x.Skills?.ToList() ?? [];
                TermsVersion = x.TermsVersion;
                if (x.DispatchSla is { } dispatchSla) DispatchSla = dispatchSla;
                if (x.CompletionGrace is { } grace) CompletionGrace = grace;
                Status = WorkOrderStatus.PendingDispatch;
                break;
            case OrderOffered x:
                (Status, MerchantId, OfferAttempts, OfferExpiresAt) = (WorkOrderStatus.Offered, x.MerchantId, x.Attempt, x.ExpiresAt);
                FirstOfferedAt ??= x.At;
                OfferedAt = x.At;
                break;
            case OfferReminded x: OfferRemindedAttempt = x.Attempt; break;
            case OfferDeclined x: RefusedBy.Add(x.MerchantId); (Status, MerchantId, OfferExpiresAt) = (WorkOrderStatus.PendingDispatch, null, null); break;
            case OffersExhausted: Status = WorkOrderStatus.ManualDispatch; break;
            case OrderAccepted x: (Status, OfferExpiresAt, AcceptedAt) = (WorkOrderStatus.Accepted, null, x.At); break;
            case MerchantCancelled x: RefusedBy.Add(x.MerchantId); (Status, MerchantId, WorkerId) = (WorkOrderStatus.PendingDispatch, null, null); break;
            case WorkerAssigned x: (Status, WorkerId) = (WorkOrderStatus.WorkerAssigned, x.WorkerId); break;
            case WorkerEnRoute: Status = WorkOrderStatus.EnRoute; break;
            case WorkerCheckedIn: Status = WorkOrderStatus.InService; break;
            case WorkerCheckedOut x: (Status, CompletedAt, CheckOutExtras, CollectedFen) = (WorkOrderStatus.Completed, x.At, x.Extras, x.CollectedFen); break;
            case OrderCancelled x: (Status, EndReason, ClosedAt, OfferExpiresAt) = (WorkOrderStatus.Cancelled, x.Reason, x.At, null); break;
            case OrderRescheduled x: (WindowStart, WindowEnd) = (x.WindowStart, x.WindowEnd); break;
            case OrderHeld: (ResumeTo, Status) = (Status, WorkOrderStatus.OnHold); break;
            case OrderResumed: (Status, ResumeTo) = (ResumeTo ?? WorkOrderStatus.PendingDispatch, null); break;
            case OrderCannotComplete x: (Status, EndReason) = (WorkOrderStatus.CannotComplete, x.Reason); break;
            case FollowUpFellDue: Status = WorkOrderStatus.FollowUpDue; break;
            case OrderClosed x: (Status, ClosedAt) = (WorkOrderStatus.Closed, x.At); break;
            case FollowUpRecorded x:
                LastFollowUp = x;
                if (x.CountsAsRating) (Score, Resolved, RatingChannel) = (x.Score, x.Resolved, x.Channel);
                else if (!x.Unreachable) FollowUpNotes.Add($"{x.Channel}: {x.Score} {x.Comment}");
                if (x.Unreachable) FollowUpAttempts++;
                if (Status == WorkOrderStatus.FollowUpDue && (x.CountsAsRating || FollowUpAttempts >= MaxFollowUpAttempts)) Status = WorkOrderStatus.FollowedUp;
                break;
            case ComplaintLinked x: LinkedComplaintNo = x.ComplaintNo; break;
            case SlaWarned or SlaBreached: break;
            case ComplaintAssigned x:
                (Status, ResponsibleParty) = (WorkOrderStatus.Assigned, x.Party);
                MerchantId = x.Party.StartsWith("merchant:") ? x.Party["merchant:".Length..] : null; // lists it on that merchant's portal
                break;
            case InquiryRegistered x: Question = x.Text; break;
            case ResponseGiven x: (Status, Response) = (WorkOrderStatus.Responded, x.Text); break;
            case VerdictGiven x: (Status, Upheld, VerdictReason) = (WorkOrderStatus.VerdictGiven, x.Upheld, x.Reason); break;
            case ComplainantFollowedUp x: Status = x.Satisfied ? WorkOrderStatus.FollowedUp : WorkOrderStatus.Assigned; break;
            case ConsultationAnswered x: (Status, Response, ClosedAt) = (WorkOrderStatus.Closed, x.Text, x.At); break;
            case OrderForwarded x: (Status, ForwardedTo) = (WorkOrderStatus.Forwarded, x.To); break;
            case ReplyDrafted x:
                Reply = x.Text;
                Status = Kind == WorkOrderKind.Suggestion ? WorkOrderStatus.Responded : WorkOrderStatus.Replied;
                break;
            case ReplySent x: Status = Kind == WorkOrderKind.Suggestion ? WorkOrderStatus.Replied : WorkOrderStatus.Closed;
                if (Status == WorkOrderStatus.Closed) ClosedAt = x.At;
                break;
            case ComplaintRegistered x:
                Question = x.Description;
                (RelatedOrderNo, AgainstMerchantId, AgainstWorkerId, Severity, Description) = (x.RelatedOrderNo, x.AgainstMerchantId, x.AgainstWorkerId, x.Severity, x.Description);
                break;
            case WorkOrderImported x:
                (Exists, OrderNo, Category, MemberId, ContactPhone, MerchantId) = (true, x.OrderNo, x.Category, x.MemberId, x.Phone, x.MerchantId);
                Kind = Enum.TryParse<WorkOrderKind>(x.Kind, true, out var kind) ? kind : WorkOrderKind.Service;
                Status = Enum.TryParse<WorkOrderStatus>(x.Status, true, out var status) ? status : x.Open ? WorkOrderStatus.Accepted : WorkOrderStatus.Closed;
                break;
            default: throw new ArgumentException($"Unknown work-order event {e.GetType().Name}");
        }
    }
}
