using System.Text.Json;
using HomeService.EventLog;
using HomeService.Notifications;
using HomeService.Realtime;
using HomeService.Workers;

namespace HomeService.WorkOrders;

/// <summary>
/// One work order. Thin around <see cref="WorkOrder"/>: records events with the order's read row (and the
/// dispatch decision) in one transaction, offers to one merchant at a time, and keeps its deadlines (offer
/// timeout, follow-up due) as a reminder so they survive restarts.
/// </summary>
public sealed class WorkOrderGrain(
    [PersistentState("order", "Default")] IPersistentState<WorkOrder> state,
    IEventLog log,
    TimeProvider clock,
    WorkOrderOptions options,
    Microsoft.Extensions.Logging.ILogger<WorkOrderGrain> logger) : Grain, IWorkOrderGrain, IRemindable
{
    public static readonly EventCodec Codec = new("work_order",
        ("OrderCreated", typeof(OrderCreated)), ("OrderClassified", typeof(OrderClassified)), ("OrderOffered", typeof(OrderOffered)), ("OfferReminded", typeof(OfferReminded)),
        ("OfferDeclined", typeof(OfferDeclined)), ("OffersExhausted", typeof(OffersExhausted)), ("OrderAccepted", typeof(OrderAccepted)),
        ("MerchantCancelled", typeof(MerchantCancelled)), ("WorkerAssigned", typeof(WorkerAssigned)), ("WorkerEnRoute", typeof(WorkerEnRoute)),
        ("WorkerCheckedIn", typeof(WorkerCheckedIn)), ("WorkerCheckedOut", typeof(WorkerCheckedOut)), ("OrderCancelled", typeof(OrderCancelled)),
        ("OrderRescheduled", typeof(OrderRescheduled)), ("OrderHeld", typeof(OrderHeld)), ("OrderResumed", typeof(OrderResumed)),
        ("OrderCannotComplete", typeof(OrderCannotComplete)), ("FollowUpFellDue", typeof(FollowUpFellDue)), ("OrderClosed", typeof(OrderClosed)),
        ("WorkOrderImported", typeof(WorkOrderImported)), ("FollowUpRecorded", typeof(FollowUpRecorded)),
        ("ComplaintRegistered", typeof(ComplaintRegistered)), ("ComplaintLinked", typeof(ComplaintLinked)),
        ("SlaWarned", typeof(SlaWarned)), ("SlaBreached", typeof(SlaBreached)), ("ComplaintAssigned", typeof(ComplaintAssigned)),
        ("ResponseGiven", typeof(ResponseGiven)), ("VerdictGiven", typeof(VerdictGiven)), ("ComplainantFollowedUp", typeof(ComplainantFollowedUp)),
        ("ConsultationAnswered", typeof(ConsultationAnswered)), ("OrderForwarded", typeof(OrderForwarded)), ("ReplyDrafted", typeof(ReplyDrafted)),
        ("ReplySent", typeof(ReplySent)), ("InquiryRegistered", typeof(InquiryRegistered)));

    private const string TimerName = "order-deadline";
    private static readonly TimeSpan MinimumTimerWait = TimeSpan.FromMilliseconds(100);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Journal<WorkOrder> _journal = null!;
    private DateTimeOffset? _deadline;
    private bool _deadlineKnown;
    private DateTimeOffset? _reminderDue;
    private bool _reminderKnown;
    private IGrainTimer? _deadlineTimer;

    private WorkOrder Order => _journal.State;
    private DateTimeOffset Now => clock.GetUtcNow();
    private IDispatchDirectoryGrain Directory => GrainFactory.GetGrain<IDispatchDirectoryGrain>(0);

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        // The center-wide defaults, for orders that predate category terms; a classified order's own terms replace them.
        if (state.State.Version == 0) (state.State.DispatchSla, state.State.CompletionGrace) = (options.DispatchSla, options.CompletionGrace);
        _journal = new Journal<WorkOrder>(state, log, Codec, this.GetPrimaryKeyString(), this);
        await _journal.CatchUp(ct);
        Order.OrderNo = this.GetPrimaryKeyString();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<WorkOrderView?> Get() => Task.FromResult(Order.Exists ? Order.View() : null);

    public async Task<CommandResult<WorkOrderView>> CreateService(NewServiceOrder order)
    {
        if (Order.Exists) return Ok(); // a retried intake (partner idempotency) gets the order as it is
        // Created and classified in one append: an order never exists half taken in.
        var merchantBefore = Order.MerchantId;
        var classified = new OrderClassified(order.Category, order.Address.Trim(), order.District, order.WindowStart, order.WindowEnd,
            Trimmed(order.Requirements), Now,
            order.Terms?.DispatchSlaMinutes is { } m ? TimeSpan.FromMinutes(m) : options.DispatchSla,
            order.Terms?.CompletionGraceHours is { } h ? TimeSpan.FromHours(h) : options.CompletionGrace,
            order.Terms?.Skills ?? [], order.TermsVersion);
        await _journal.Record([
            new OrderCreated(WorkOrderKind.Service, order.Channel, order.CallId, order.MemberId, order.ContactName,
                PhoneNumber.Normalize(order.ContactPhone), order.Notes, order.CreatedBy, Now),
            classified,
        ], order.CreatedBy, Now, o => [Row(o), .. Webhooks(o), .. ResidentNotice(classified, o, WorkOrderStatus.Raw, null, null)]);
        await Announce(merchantBefore);
        await Dispatch();
        return Ok();
    }

    private static Dictionary<string, string> Trimmed(IReadOnlyDictionary<string, string> requirements) =>
        requirements.Where(r => !string.IsNullOrWhiteSpace(r.Value)).ToDictionary(r => r.Key.Trim(), r => r.Value.Trim());

    public async Task<CommandResult<WorkOrderView>> CreateComplaint(NewComplaint complaint)
    {
        if (Order.Exists) return Ok(); // registering the same complaint twice is harmless
        await _journal.Record([
            new OrderCreated(WorkOrderKind.Complaint, complaint.Channel, null, complaint.MemberId, complaint.ContactName,
                PhoneNumber.Normalize(complaint.ContactPhone), null, complaint.CreatedBy, Now),
            new ComplaintRegistered(complaint.RelatedOrderNo, complaint.AgainstMerchantId, complaint.AgainstWorkerId, complaint.Severity,
                complaint.Description, Now),
        ], complaint.CreatedBy, Now, o => [Row(o), .. Webhooks(o), .. ComplaintNotice(o)]);
        await Announce(null);
        return Ok();
    }

    /// <summary>The merchant a complaint is against hears of it in its inbox and by SMS: which order and how serious, not who complained.</summary>
    private static IEnumerable<ReadModelWrite> ComplaintNotice(WorkOrder o)
    {
        if (o.AgainstMerchantId is not { } merchant) yield break;
        var parameters = new { complaintNo = o.OrderNo, relatedOrderNo = o.RelatedOrderNo, severity = o.Severity };
        yield return NotificationOutbox.Enqueue("in-app", "merchant", merchant, "complaint.filed", parameters, $"{o.OrderNo}:filed");
        yield return NotificationOutbox.Enqueue("sms", "merchant", merchant, "complaint.filed", parameters, $"{o.OrderNo}:filed:sms");
    }

    public async Task<CommandResult<WorkOrderView>> CreateInquiry(NewInquiry inquiry)
    {
        // A retried intake (the same idempotency key, perhaps at once through another web host) gets the order as it is.
        if (Order.Exists) return Order.Kind == inquiry.Kind ? Ok() : Refused("exists");
        await _journal.Record([
            new OrderCreated(inquiry.Kind, inquiry.Channel, null, inquiry.MemberId, inquiry.ContactName, PhoneNumber.Normalize(inquiry.ContactPhone),
                null, inquiry.CreatedBy, Now),
            new InquiryRegistered(inquiry.Text.Trim(), Now),
        ], inquiry.CreatedBy, Now, o => [Row(o), .. Webhooks(o)]);
        await Announce(null);
        return Ok();
    }

    /// <summary>A merchant given a complaint to answer is told in its inbox, with the time it has to respond.</summary>
    public Task<CommandResult<WorkOrderView>> AssignComplaint(string party, string actor)
    {
        var outcome = Order.AssignComplaint(party, Now, options.ComplaintSla);
        return outcome.Event is ComplaintAssigned { Party: var p } a && p.StartsWith("merchant:")
            ? Run(outcome, actor, NotificationOutbox.Enqueue("in-app", "merchant", p["merchant:".Length..], "complaint.assigned",
                new { complaintNo = Order.OrderNo, respondBy = a.At + a.RespondWithin }, $"{Order.OrderNo}:assigned:{Order.Version + 1}"))
            : Run(outcome, actor);
    }

    public Task<CommandResult<WorkOrderView>> Respond(string text, string by) => Run(Order.Respond(text, by, Now), by);

    public Task<CommandResult<WorkOrderView>> GiveVerdict(bool upheld, string reason, string actor) => Run(Order.GiveVerdict(upheld, reason, Now), actor);

    public async Task<CommandResult<WorkOrderView>> FollowUpComplainant(bool satisfied, string? comment, string actor)
    {
        var events = Order.FollowUpComplainant(satisfied, comment, Now, out var error);
        if (error is not null) return Refused(error);
        await _journal.Record(events, actor, Now, o => [Row(o), .. Webhooks(o)]);
        await Announce(Order.MerchantId);
        return Ok();
    }

    public Task<CommandResult<WorkOrderView>> AnswerDirectly(string text, string actor) => Run(Order.AnswerDirectly(text, Now), actor);

    public Task<CommandResult<WorkOrderView>> Forward(string to, string actor) => Run(Order.Forward(to, Now), actor);

    public Task<CommandResult<WorkOrderView>> DraftReply(string text, string by) => Run(Order.DraftReply(text, by, Now), by);

    /// <summary>The reply reaches the customer by SMS (to the contact phone) or in the member's inbox, through the outbox.</summary>
    public async Task<CommandResult<WorkOrderView>> SendReply(string channel, string actor)
    {
        if (channel == "in-app" && Order.MemberId is null) return Refused("channel");
        var events = Order.SendReply(channel, Now, out var error);
        if (error is not null) return Refused(error);
        ReadModelWrite[] notice = channel switch
        {
            "sms" => [NotificationOutbox.Enqueue("sms", "phone", Order.ContactPhone, "consultation.reply", new { orderNo = Order.OrderNo, text = Order.Reply },
                $"{Order.OrderNo}:reply:sms")],
            "in-app" => [NotificationOutbox.Enqueue("in-app", "member", Order.MemberId!, "consultation.reply", new { orderNo = Order.OrderNo, text = Order.Reply },
                $"{Order.OrderNo}:reply:in-app")],
            _ => [],
        };
        await _journal.Record(events, actor, Now, o => [Row(o), .. Webhooks(o), .. notice]);
        await Announce(Order.MerchantId);
        return Ok();
    }

    public async Task<CommandResult<WorkOrderView>> RecordFollowUp(FollowUpOutcome outcome)
    {
        var events = Order.RecordFollowUp(outcome.Channel, outcome.Score, outcome.Resolved, outcome.Comment?.Trim(), outcome.Unreachable,
            outcome.Actor, Now, out var error, outcome.Tags, outcome.Photos);
        if (error is not null) return error == "score"
            ? CommandResult<WorkOrderView>.Invalid(new Dictionary<string, string[]> { ["score"] = ["range:1-5"] })
            : Refused(error);
        if (events.Count == 0) return Ok(); // a repeat of the follow-up just recorded
        await _journal.Record(events, outcome.Actor, Now, o => [Row(o), .. Webhooks(o), .. Review(o, events)]);
        await Announce(Order.MerchantId);
        await OpenComplaintIfNeeded();
        return Ok();
    }

    /// <summary>
    /// The rating that counts becomes a public review on the merchant's page (加盟企业查询): the reviewer's name masked,
    /// and a comment only when the resident wrote it on the web; an agent's or the IVR's notes stay internal. Its photos
    /// (web only) become public with it: GET /reviews/photos/{id} serves a file only while a review lists it.
    /// </summary>
    private static IEnumerable<ReadModelWrite> Review(WorkOrder o, IReadOnlyList<object> events)
    {
        foreach (var e in events)
            if (e is FollowUpRecorded { CountsAsRating: true, Score: { } stars } f && o.MerchantId is { } merchant)
                yield return new ReadModelWrite("""
                    INSERT INTO service_review (order_no, merchant_id, worker_id, category_code, reviewer, stars, comment, channel, reviewed_at, tags, photos)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (order_no) DO NOTHING
                    """, o.OrderNo, merchant, o.WorkerId, o.Category, PersonalData.MaskName(o.ContactName), stars,
                    f.Channel == "web" && !string.IsNullOrWhiteSpace(f.Comment) ? f.Comment : null, f.Channel, f.At, (f.Tags ?? []).ToArray(),
                    (f.Channel == "web" ? f.Photos ?? [] : []).ToArray());
    }

    /// <summary>A poor follow-up opens a linked complaint; its number is derived from the order's, so doing it twice is harmless.</summary>
    private async Task OpenComplaintIfNeeded()
    {
        if (!Order.NeedsComplaint) return;
        var complaintNo = $"CP{Order.OrderNo[2..]}";
        var description = $"回访不满意：评分 {Order.Score}，问题{(Order.Resolved == true ? "已" : "未")}解决。";
        await GrainFactory.GetGrain<IWorkOrderGrain>(complaintNo).CreateComplaint(new NewComplaint("follow-up", Order.MemberId, Order.ContactName,
            Order.ContactPhone, Order.OrderNo, Order.MerchantId, Order.WorkerId, Order.Score <= 1 ? "high" : "medium", description, "system:follow-up"));
        await Record(new ComplaintLinked(complaintNo, Now), "system:follow-up");
    }

    public async Task Poke()
    {
        await OpenComplaintIfNeeded();
        await TrySyncWorker(null);
        _deadlineKnown = false; // re-register whatever the state needs, in case a crash skipped it
        if (Order.Status == WorkOrderStatus.Offered && Order.OfferExpiresAt <= Now && Order.MerchantId is { } merchant)
            await Decline(merchant, timedOut: true, null, "system:accept-timeout");
        await Dispatch();
        await ScheduleDeadline();
    }

    public async Task<CommandResult<WorkOrderView>> Accept(string merchantId)
    {
        var result = await Run(Order.Accept(merchantId, Now), $"merchant:{merchantId}", Answer(merchantId, "accepted"));
        if (result.Succeeded)
        {
            await Directory.LoadChanged(merchantId, +1);
            await Directory.OfferAnswered(merchantId, accepted: true);
        }
        return result;
    }

    public async Task<CommandResult<WorkOrderView>> Refuse(string merchantId, string reason)
    {
        var result = await Decline(merchantId, timedOut: false, reason, $"merchant:{merchantId}");
        if (result.Succeeded) await Dispatch();
        return result.Succeeded ? Ok() : result;
    }

    private async Task<CommandResult<WorkOrderView>> Decline(string merchantId, bool timedOut, string? reason, string actor)
    {
        var result = await Run(Order.Decline(merchantId, timedOut, reason, Now), actor, Answer(merchantId, timedOut ? "timeout" : "refused"));
        if (result.Succeeded) await Directory.OfferAnswered(merchantId, accepted: false);
        return result;
    }

    /// <summary>How the offer was answered goes on its dispatch decision: acceptance rates are counted from there.</summary>
    private ReadModelWrite Answer(string merchantId, string answer) => new(
        "UPDATE dispatch_decision SET answer = $4, answered_at = $5 WHERE order_no = $1 AND attempt = $2 AND chosen = $3 AND answer IS NULL",
        Order.OrderNo, Order.OfferAttempts, merchantId, answer, Now);

    /// <summary>
    /// The worker is reserved first (their own rules: the merchant's, available, qualified, not expired), then the
    /// order records the assignment; if that fails the reservation is let go again.
    /// </summary>
    public async Task<CommandResult<WorkOrderView>> AssignWorker(string merchantId, string workerId)
    {
        // A worker grain has no empty key: refused as a field error, not thrown.
        if (string.IsNullOrWhiteSpace(workerId))
            return CommandResult<WorkOrderView>.Invalid(new Dictionary<string, string[]> { ["workerId"] = ["required"] });
        var outcome = Order.AssignWorker(merchantId, workerId, Now);
        if (outcome.Failed) return Refused(outcome.Error!);
        var worker = GrainFactory.GetGrain<IWorkerGrain>(workerId);
        var taken = await worker.TakeJob(Order.OrderNo, merchantId, Order.RequiredSkills);
        if (!taken.Succeeded) return Refused(taken.Errors!.Values.First()[0]);
        try
        {
            return await Run(outcome, $"merchant:{merchantId}");
        }
        catch
        {
            await worker.ReleaseJob(Order.OrderNo);
            throw;
        }
    }

    public async Task<CommandResult<WorkOrderView>> MerchantCancel(string merchantId, string reason)
    {
        var result = await Run(Order.MerchantCancel(merchantId, reason, Now), $"merchant:{merchantId}");
        if (!result.Succeeded) return result;
        await Directory.LoadChanged(merchantId, -1);
        await Dispatch();
        return Ok();
    }

    public Task<CommandResult<WorkOrderView>> StartTrip(string workerId) => Run(Order.StartTrip(workerId, Now), $"worker:{workerId}");

    public Task<CommandResult<WorkOrderView>> CheckIn(string workerId, bool confirmedEarly = false) =>
        Run(Order.CheckIn(workerId, confirmedEarly, options.EarlyCheckIn, Now), $"worker:{workerId}");

    public async Task<CommandResult<WorkOrderView>> CheckOut(string workerId, CheckOutSummary? summary = null)
    {
        var result = await Run(Order.CheckOut(workerId, summary ?? CheckOutSummary.None, Now), $"worker:{workerId}");
        if (result.Succeeded && Order.MerchantId is { } merchant) await Directory.LoadChanged(merchant, -1);
        return result;
    }

    /// <summary>
    /// A dispatcher gives the order to a merchant by hand, with a reason. An eligible merchant is simply offered it; any other
    /// active merchant may be chosen too (the order would otherwise stay stuck), and that choice is written to the audit log
    /// with the rule it overrides.
    /// </summary>
    public async Task<CommandResult<WorkOrderView>> DispatchManually(string merchantId, string reason, string actor)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason)) errors["reason"] = ["required"];
        var (decision, choices) = await Choices();
        if (ManualDispatchRule.Refusal(choices, merchantId) is { } refusal) errors["merchantId"] = [refusal];
        if (errors.Count > 0) return CommandResult<WorkOrderView>.Invalid(errors);
        var choice = choices.First(c => c.MerchantId == merchantId);
        var outcome = Order.Offer(merchantId, manual: true, reason, options.AcceptTimeout, Now);
        List<ReadModelWrite> rows = [DecisionRow(decision, merchantId, true, reason), .. OfferNotices(merchantId)];
        if (!choice.Eligible && !outcome.Failed)
            rows.Add(Audit.AuditTrail.Row(actor, "order.dispatch-override", "work_order", Order.OrderNo, new { merchantId, notEligible = choice.Why },
                new { merchantId, reason }, Now));
        return await Run(outcome, actor, [.. rows]);
    }

    public async Task<IReadOnlyList<ManualDispatchChoice>> ManualDispatchChoices() => (await Choices()).Choices;

    private async Task<(DispatchDecision Decision, IReadOnlyList<ManualDispatchChoice> Choices)> Choices()
    {
        var merchants = await Candidates();
        var decision = await Rank(ignoreRefusals: true, merchants);
        return (decision, ManualDispatchRule.Choices(decision, merchants, Order.Category ?? "", Order.RefusedBy));
    }

    public async Task<CommandResult<WorkOrderView>> CustomerCancel(string reason, string actor)
    {
        var held = Order.HeldByMerchant ? Order.MerchantId : null;
        var result = await Run(Order.CustomerCancel(reason, actor, Now), actor);
        if (result.Succeeded && held is not null) await Directory.LoadChanged(held, -1);
        return result;
    }

    public Task<CommandResult<WorkOrderView>> Hold(string reason, string actor) => Run(Order.Hold(reason, Now), actor);

    public async Task<CommandResult<WorkOrderView>> Reschedule(DateTimeOffset start, DateTimeOffset end, string actor)
    {
        var outcome = Order.Reschedule(start, end, Now);
        if (outcome.Error == "window")
            return CommandResult<WorkOrderView>.Invalid(new Dictionary<string, string[]> { ["windowEnd"] = [end <= start ? "after-start" : "in-the-past"] });
        return await Run(outcome, actor);
    }

    /// <summary>The visit cannot be done: the merchant's capacity and the worker are freed, and the order waits for the center to close it.</summary>
    public async Task<CommandResult<WorkOrderView>> CannotComplete(string reason, string actor, string? workerId)
    {
        var held = Order.HeldByMerchant ? Order.MerchantId : null;
        var result = await Run(Order.CannotComplete(reason, workerId, Now), actor);
        if (result.Succeeded && held is not null) await Directory.LoadChanged(held, -1);
        return result;
    }

    public Task<CommandResult<WorkOrderView>> Close(string actor) => Run(Order.Close(Now), actor);

    public Task<CommandResult<WorkOrderView>> Resume(string actor) => Run(Order.Resume(Now), actor);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderKnown = false; // it fired: whatever it holds now is its next minutely tick, so set it again
        return OnDeadline();
    }

    /// <summary>Whatever fell due: an offer timing out, a follow-up falling due, an SLA warning or breach. Safe to run early or twice.</summary>
    private async Task OnDeadline()
    {
        if (Order.Status == WorkOrderStatus.Offered && Order.OfferExpiresAt <= Now && Order.MerchantId is { } merchant)
        {
            await Decline(merchant, timedOut: true, null, "system:accept-timeout");
            await Dispatch();
        }
        else if (Order.OfferReminderDue(options.OfferReminderBefore) <= Now && Order.MerchantId is { } holder)
        {
            await Run(Order.RemindOffer(options.OfferReminderBefore, Now), "system:offer-reminder", [.. OfferReminder(holder)]);
        }
        else if (Order.Status == WorkOrderStatus.Completed && Order.CompletedAt + options.FollowUpDelay <= Now)
        {
            await Run(Order.FollowUpDue(Now), "system:follow-up");
        }
        await CheckSlas();
        _deadlineKnown = false;
        await TryScheduleDeadline();
    }

    /// <summary>Pre-breach warnings and breaches go on the order's record and, live, to supervisors and agents.</summary>
    private async Task CheckSlas()
    {
        foreach (var e in Order.DueSlaEvents(Now))
        {
            await Record(e, "system:sla");
            var (clock, deadline, kind) = e switch
            {
                SlaWarned w => (w.Clock, w.Deadline, "warning"),
                SlaBreached b => (b.Clock, b.Deadline, "breach"),
                _ => throw new InvalidOperationException(),
            };
            var alert = new { orderNo = Order.OrderNo, clock, kind, deadline, status = Order.Status };
            await GrainFactory.Push(PushGroups.Supervisors, "order.sla", alert, Order.Version);
            await GrainFactory.Push(PushGroups.Agents, "order.sla", alert, Order.Version);
        }
    }

    /// <summary>Offers the order to the best eligible merchant, or sends it to the manual dispatch queue.</summary>
    private async Task Dispatch()
    {
        if (Order.Status != WorkOrderStatus.PendingDispatch) return;
        var decision = await Rank(ignoreRefusals: false);
        if (Order.OfferAttempts >= options.MaxOfferAttempts || decision.Best is null)
        {
            await Run(Order.Exhaust(Now), "system:dispatch", DecisionRow(decision, null, false, "manual-dispatch"));
            var alert = new { orderNo = Order.OrderNo, attempts = Order.OfferAttempts, category = Order.Category, district = Order.District };
            await GrainFactory.Push(PushGroups.Supervisors, "order.manual-dispatch", alert, Order.Version);
            await GrainFactory.Push(PushGroups.Agents, "order.manual-dispatch", alert, Order.Version);
            return;
        }
        await Run(Order.Offer(decision.Best.MerchantId, manual: false, null, options.AcceptTimeout, Now), "system:dispatch",
            [DecisionRow(decision, decision.Best.MerchantId, false, null), .. OfferNotices(decision.Best.MerchantId)]);
    }

    private async Task<IReadOnlyList<MerchantCandidate>> Candidates() =>
        (await Directory.GetMerchants()).Select(m => new MerchantCandidate(m.MerchantId, m.Status, m.Categories, m.Districts, m.CreditScore, m.OpenOrders,
            m.Capacity, DispatchRanking.AcceptanceRate(m.OffersAccepted, m.OffersAnswered), m.Honoured)).ToList();

    private async Task<DispatchDecision> Rank(bool ignoreRefusals, IReadOnlyList<MerchantCandidate>? merchants = null)
    {
        var candidates = merchants ?? await Candidates();
        var district = string.IsNullOrEmpty(Order.District) ? null : await GrainFactory.GetGrain<Places.ICityPlacesGrain>(0).Find(Order.District);
        return DispatchRanking.Rank(Order.Category ?? "", Order.District ?? "", candidates, ignoreRefusals ? new HashSet<string>() : Order.RefusedBy,
            district?.Names().ToList());
    }

    /// <summary>
    /// Besides the live portal, an offer goes to the merchant's inbox and phone through the outbox. It names no
    /// customer details: those show only once the merchant accepts.
    /// </summary>
    private IEnumerable<ReadModelWrite> OfferNotices(string merchantId)
    {
        var attempt = Order.OfferAttempts + 1;
        var parameters = new { orderNo = Order.OrderNo, category = Order.Category, district = Order.District, windowStart = Order.WindowStart,
            expiresAt = Now + options.AcceptTimeout };
        foreach (var channel in new[] { "in-app", "sms" })
            yield return NotificationOutbox.Enqueue(channel, "merchant", merchantId, "order.offered", parameters, $"{Order.OrderNo}:offer:{attempt}:{channel}");
    }

    /// <summary>The offer's merchant hears, in its inbox and by SMS, that the offer lapses soon: still no customer details.</summary>
    private IEnumerable<ReadModelWrite> OfferReminder(string merchantId)
    {
        var parameters = new { orderNo = Order.OrderNo, category = Order.Category, expiresAt = Order.OfferExpiresAt };
        foreach (var channel in new[] { "in-app", "sms" })
            yield return NotificationOutbox.Enqueue(channel, "merchant", merchantId, "order.offer-expiring", parameters,
                $"{Order.OrderNo}:offer:{Order.OfferAttempts}:expiring:{channel}");
    }

    private ReadModelWrite DecisionRow(DispatchDecision decision, string? chosen, bool manual, string? reason) => new("""
        INSERT INTO dispatch_decision (order_no, decided_at, attempt, manual, reason, ranked, chosen, skipped)
        VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb)
        """, Order.OrderNo, Now, Order.OfferAttempts + (chosen is null ? 0 : 1), manual, reason, JsonSerializer.Serialize(decision.Ranked, Json), chosen,
        JsonSerializer.Serialize(decision.Skipped, Json));

    private async Task<CommandResult<WorkOrderView>> Run(Outcome outcome, string actor, params ReadModelWrite[] extra)
    {
        if (outcome.Failed) return Refused(outcome.Error!);
        if (outcome.Event is { } e) await Record(e, actor, extra);
        return Ok();
    }

    private async Task Record(object e, string? actor, params ReadModelWrite[] extra)
    {
        var (merchantBefore, workerBefore, statusBefore) = (Order.MerchantId, Order.WorkerId, Order.Status);
        var worker = e switch
        {
            WorkerAssigned a => await WorkerName(a.WorkerId),
            WorkerEnRoute r => await WorkerName(r.WorkerId),
            _ => null,
        };
        await _journal.Record(e, actor, Now, order =>
            [Row(order), .. Webhooks(order), .. ResidentNotice(e, order, statusBefore, workerBefore, worker), .. WorkerNotice(e, order),
             .. FollowUpSms(e, order), .. DutyNotices.Breach(e, order, options.DutyPhone), .. extra]);
        await Announce(merchantBefore, workerBefore);
        if (Order.Status != statusBefore || Order.WorkerId != workerBefore) await TrySyncWorker(workerBefore);
        await TryScheduleDeadline();
    }

    /// <summary>
    /// The worker's status follows the order: Assigned, EnRoute, InService, then free again. The order's event is
    /// already durable, so a failure here is logged and mended by the next poke or sweep.
    /// </summary>
    private async Task TrySyncWorker(string? workerBefore)
    {
        try
        {
            if (workerBefore is not null && workerBefore != Order.WorkerId)
                await GrainFactory.GetGrain<IWorkerGrain>(workerBefore).ReleaseJob(Order.OrderNo);
            if (Order.WorkerId is not { } worker) return;
            var grain = GrainFactory.GetGrain<IWorkerGrain>(worker);
            if (WorkerOnOrder(Order.Status) is { } status) await grain.FollowJob(Order.OrderNo, status);
            else if (Order.Status != WorkOrderStatus.OnHold) await grain.ReleaseJob(Order.OrderNo);
        }
        catch (Exception ex)
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, ex, "Could not update the worker of {Order}; the next poke will", Order.OrderNo);
        }
    }

    private static WorkerStatus? WorkerOnOrder(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.WorkerAssigned => WorkerStatus.Assigned,
        WorkOrderStatus.EnRoute => WorkerStatus.EnRoute,
        WorkOrderStatus.InService => WorkerStatus.InService,
        _ => null,
    };

    /// <summary>
    /// A partner's order announces each change to the partner's webhooks: outbox rows in the same transaction as the
    /// event, sent (and retried) by <c>WebhookDispatcher</c>; none while the partner holds no live key (<see cref="WebhookAudience"/>).
    /// </summary>
    private static IEnumerable<ReadModelWrite> Webhooks(WorkOrder o)
    {
        if (o.CreatedBy is not { } creator || !creator.StartsWith("partner:")) yield break;
        var payload = JsonSerializer.Serialize(new { @event = "order.updated", orderNo = o.OrderNo, status = o.Status.ToString(), version = o.Version,
            merchantId = o.MerchantId, workerId = o.WorkerId }, Json);
        yield return new ReadModelWrite($"""
            INSERT INTO webhook_delivery (subscription_id, event_type, payload)
            SELECT s.id, 'order.updated', $1::jsonb FROM webhook_subscription s WHERE s.partner_key_id = $2 AND {WebhookAudience.Receives("s")}
            """, payload, creator["partner:".Length..]);
    }

    private static ReadModelWrite Row(WorkOrder o) => new("""
        INSERT INTO work_order (order_no, kind, category_code, status, open, member_id, contact_phone, merchant_id, call_id, created_at, closed_at,
            channel, contact_name, address, district, window_start, window_end, worker_id, offer_attempts, offer_expires_at, related_order_no, score,
            completed_at, created_by, updated_at, first_offered_at, accepted_at, against_merchant_id, upheld)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, now(), $25, $26, $27, $28)
        ON CONFLICT (order_no) DO UPDATE SET category_code = $3, status = $4, open = $5, merchant_id = $8, closed_at = $11, address = $14,
            district = $15, window_start = $16, window_end = $17, worker_id = $18, offer_attempts = $19, offer_expires_at = $20, score = $22,
            completed_at = $23, updated_at = now(), first_offered_at = $25, accepted_at = $26, against_merchant_id = $27, upheld = $28
        """, o.OrderNo, o.Kind.ToString().ToLowerInvariant(), o.Category, o.Status.ToString(), o.Open, o.MemberId, o.ContactPhone, o.MerchantId,
        o.CallId, o.CreatedAt, o.ClosedAt, o.Channel, o.ContactName, o.Address, o.District, o.WindowStart, o.WindowEnd, o.WorkerId, o.OfferAttempts,
        o.OfferExpiresAt, o.RelatedOrderNo, o.Score, o.CompletedAt, o.CreatedBy, o.FirstOfferedAt, o.AcceptedAt, o.AgainstMerchantId, o.Upheld);

    /// <summary>
    /// The resident hears of each step of their service order (<see cref="ResidentNotices"/>): a member in their inbox
    /// (系统消息) and by SMS as their preferences allow, anyone else by SMS at the contact phone.
    /// </summary>
    private static IEnumerable<ReadModelWrite> ResidentNotice(object e, WorkOrder o, WorkOrderStatus statusBefore, string? workerBefore, string? workerName)
    {
        if (ResidentNotices.For(e, o, statusBefore, workerBefore) is not { } notice) return [];
        return NotificationOutbox.ToResident(o.MemberId, o.ContactPhone, $"member.order.{notice.Step}", ResidentNotices.Parameters(o, workerName),
            $"{o.OrderNo}:member:{notice.Step}:{o.Version}", notice.NamesWorker ? o.WorkerId : null);
    }

    /// <summary>
    /// When the follow-up visit falls due, the resident is asked by SMS for a score of 1–5 (回访短信), a channel beside the
    /// agent's call and the IVR campaign; their reply comes back through the SMS provider's reply callback.
    /// </summary>
    private static IEnumerable<ReadModelWrite> FollowUpSms(object e, WorkOrder o)
    {
        if (e is not FollowUpFellDue || o.RatingChannel is not null || o.Kind != WorkOrderKind.Service
            || o.CreatedBy is { } creator && creator.StartsWith("partner:")) return [];
        return NotificationOutbox.ToResident(o.MemberId, o.ContactPhone, "order.follow-up", new { orderNo = o.OrderNo, category = o.Category },
            $"{o.OrderNo}:follow-up-sms", inApp: false);
    }

    /// <summary>The worker hears of a job by SMS once it is theirs, with the address they are to go to.</summary>
    private static IEnumerable<ReadModelWrite> WorkerNotice(object e, WorkOrder o)
    {
        if (e is not WorkerAssigned a) yield break;
        yield return NotificationOutbox.Enqueue("sms", "worker", a.WorkerId, "worker.job-assigned",
            new { orderNo = o.OrderNo, category = o.Category, windowStart = o.WindowStart, address = o.Address }, $"{o.OrderNo}:worker:{a.WorkerId}:{o.Version}");
    }

    /// <summary>The worker's name for a notice, or null if it cannot be read now (the notice then names nobody).</summary>
    private async Task<string?> WorkerName(string workerId)
    {
        try
        {
            return (await GrainFactory.GetGrain<IWorkerGrain>(workerId).Get())?.Name;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, ex, "Could not read worker {Worker} for a notice", workerId);
            return null;
        }
    }

    /// <summary>Every screen that shows the order hears of the change: the merchant(s) involved, the worker, the call center.</summary>
    private async Task Announce(string? merchantBefore, string? workerBefore = null)
    {
        var view = Order.View();
        // The merchant holding the order gets what it may see; one that no longer holds it only learns that it moved on.
        if (view.MerchantId is { } merchant)
            await GrainFactory.Push(PushGroups.Merchant(merchant), "order.updated", WorkOrderPrivacy.ForMerchant(view), view.Version);
        if (merchantBefore is not null && merchantBefore != view.MerchantId)
            await GrainFactory.Push(PushGroups.Merchant(merchantBefore), "order.gone", new { view.OrderNo, view.Status }, view.Version);
        if (view.WorkerId is { } worker) await GrainFactory.Push(PushGroups.Worker(worker), "order.updated", view, view.Version);
        if (workerBefore is not null && workerBefore != view.WorkerId)
            await GrainFactory.Push(PushGroups.Worker(workerBefore), "order.gone", new { view.OrderNo, view.Status }, view.Version);
        await GrainFactory.Push(PushGroups.Agents, "order.updated", view, view.Version);
        // The member whose order it is follows it on /member: their own order, without the center's and the merchant's internals.
        if (view.MemberId is { } member) await GrainFactory.Push(PushGroups.Member(member), "order.updated", WorkOrderPrivacy.ForMember(view), view.Version);
    }

    /// <summary>
    /// The event is already durable; failing to (re)register the reminder must not fail the command or lose the
    /// alerts that follow it. The next event, poke or sweep registers it again.
    /// </summary>
    private async Task TryScheduleDeadline()
    {
        try
        {
            await ScheduleDeadline();
        }
        catch (Exception e)
        {
            (_deadlineKnown, _reminderKnown) = (false, false);
            Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, e, "Could not schedule the deadline of {Order}; it will be retried", Order.OrderNo);
        }
    }

    /// <summary>
    /// The next deadline (offer timeout, follow-up due, SLA) is kept twice: a one-shot grain timer, which fires on
    /// time, and a reminder, which survives restarts. (A reminder re-registered from inside its own tick may next
    /// fire a whole period later, which made SLA warnings a minute late on a busy silo.) The reminder is only the
    /// safety net: firing early is harmless, so it is written only when the next deadline comes sooner than the one it
    /// holds, when its own time has passed, or when the order has ended. That saves a database write on most events.
    /// </summary>
    private async Task ScheduleDeadline()
    {
        DateTimeOffset? due = Order.Status switch
        {
            WorkOrderStatus.Offered => Order.OfferReminderDue(options.OfferReminderBefore) ?? Order.OfferExpiresAt,
            WorkOrderStatus.Completed => Order.CompletedAt + options.FollowUpDelay,
            _ => null,
        };
        if (Order.NextSlaDue(Now) is { } sla && (due is null || sla < due)) due = sla;
        if (!_deadlineKnown || due != _deadline)
        {
            ArmTimer(due);
            (_deadline, _deadlineKnown) = (due, true);
        }
        var rewrite = !_reminderKnown
            || _reminderDue <= Now
            || (due is not null && (_reminderDue is null || due < _reminderDue))
            || (due is null && !Order.Open && _reminderDue is not null);
        if (!rewrite) return;
        if (due is null)
        {
            if (Order.Open) return; // nothing due yet; the next event that brings a deadline writes it
            if (await this.GetReminder(TimerName) is { } existing) await this.UnregisterReminder(existing);
        }
        else
        {
            var wait = due.Value - Now;
            await this.RegisterOrUpdateReminder(TimerName, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, TimeSpan.FromMinutes(1));
        }
        (_reminderDue, _reminderKnown) = (due, true);
    }

    private void ArmTimer(DateTimeOffset? due)
    {
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        if (due is null) return;
        var wait = due.Value - Now;
        if (wait < MinimumTimerWait) wait = MinimumTimerWait;
        _deadlineTimer = this.RegisterGrainTimer(OnDeadline, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
    }

    private CommandResult<WorkOrderView> Ok() => CommandResult<WorkOrderView>.Ok(Order.View());

    private static CommandResult<WorkOrderView> Refused(string code) =>
        CommandResult<WorkOrderView>.Invalid(new Dictionary<string, string[]> { ["status"] = [code] });
}
