namespace HomeService.WorkOrders;

public sealed record OrderCreated(WorkOrderKind Kind, string Channel, string? CallId, string? MemberId, string? ContactName, string ContactPhone,
    string? Notes, string? CreatedBy, DateTimeOffset At);
/// <summary>
/// The order's category, place and time, with the category's terms as they were at intake (SLA, worker skills):
/// a later change of the category does not reach this order. Orders classified before terms existed carry none.
/// </summary>
public sealed record OrderClassified(string Category, string Address, string District, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    IReadOnlyDictionary<string, string> Requirements, DateTimeOffset At, TimeSpan? DispatchSla = null, TimeSpan? CompletionGrace = null,
    IReadOnlyList<string>? Skills = null, int TermsVersion = 0);
public sealed record OrderOffered(string MerchantId, int Attempt, bool Manual, string? Reason, DateTimeOffset ExpiresAt, DateTimeOffset At);
/// <summary>The merchant holding an offer was told, in its inbox and by SMS, that the offer is about to lapse.</summary>
public sealed record OfferReminded(string MerchantId, int Attempt, DateTimeOffset ExpiresAt, DateTimeOffset At);
public sealed record OfferDeclined(string MerchantId, bool TimedOut, string? Reason, DateTimeOffset At);
public sealed record OffersExhausted(int Attempts, DateTimeOffset At);
public sealed record OrderAccepted(string MerchantId, DateTimeOffset At);
public sealed record MerchantCancelled(string MerchantId, string Reason, DateTimeOffset At);
public sealed record WorkerAssigned(string WorkerId, DateTimeOffset At);
public sealed record WorkerEnRoute(string WorkerId, DateTimeOffset At);
/// <summary>Early: the worker confirmed checking in earlier than the center's allowance before the window.</summary>
public sealed record WorkerCheckedIn(string WorkerId, DateTimeOffset At, bool Early = false);
/// <summary>Extras and CollectedFen (分): what the worker reported at check-out, if anything.</summary>
public sealed record WorkerCheckedOut(string WorkerId, DateTimeOffset At, string? Extras = null, long? CollectedFen = null);
public sealed record OrderCancelled(string Reason, string By, DateTimeOffset At);
public sealed record OrderRescheduled(DateTimeOffset WindowStart, DateTimeOffset WindowEnd, DateTimeOffset At);
public sealed record OrderHeld(string Reason, DateTimeOffset At);
public sealed record OrderResumed(DateTimeOffset At);
public sealed record OrderCannotComplete(string Reason, DateTimeOffset At);
public sealed record FollowUpFellDue(DateTimeOffset At);
public sealed record OrderClosed(DateTimeOffset At);
/// <summary>An order brought over from the previous system (the demo history); it only sets the fields it knows.</summary>
public sealed record WorkOrderImported(string OrderNo, string Kind, string Category, string Status, bool Open, string MemberId, string Phone,
    string? AgentId, string? MerchantId, int DaysAgo);
/// <summary>
/// A follow-up call's outcome (回访). Channel: agent, ivr or web. Unreachable means nobody answered; the visit is
/// tried again until the limit. Only the first rating counts; later ones are kept as notes. Tags (a resident's quick
/// verdicts such as 准时 or 专业) came later, and photos (uploaded files a web rating carries) later still: older events have none.
/// </summary>
public sealed record FollowUpRecorded(string Channel, int? Score, bool? Resolved, string? Comment, bool Unreachable, bool CountsAsRating,
    string? Actor, DateTimeOffset At, IReadOnlyList<string>? Tags = null, IReadOnlyList<Guid>? Photos = null);
public sealed record ComplaintRegistered(string? RelatedOrderNo, string? AgainstMerchantId, string? AgainstWorkerId, string Severity, string Description,
    DateTimeOffset At);
public sealed record ComplaintLinked(string ComplaintNo, DateTimeOffset At);
/// <summary>An SLA clock passed its warning point (80 %) or its deadline. Both are pushed to supervisors and agents.</summary>
public sealed record SlaWarned(string Clock, DateTimeOffset Deadline, DateTimeOffset At);
public sealed record SlaBreached(string Clock, DateTimeOffset Deadline, DateTimeOffset At);
/// <summary>Party: "merchant:&lt;id&gt;" or "department:&lt;name&gt;".</summary>
public sealed record ComplaintAssigned(string Party, TimeSpan RespondWithin, TimeSpan ResolveWithin, DateTimeOffset At);
public sealed record ResponseGiven(string Text, string By, DateTimeOffset At);
/// <summary>An upheld complaint is what the credit platform consumes.</summary>
public sealed record VerdictGiven(bool Upheld, string Reason, DateTimeOffset At);
public sealed record ComplainantFollowedUp(bool Satisfied, string? Comment, DateTimeOffset At);
public sealed record ConsultationAnswered(string Text, DateTimeOffset At);
public sealed record OrderForwarded(string To, DateTimeOffset At);
public sealed record ReplyDrafted(string Text, string By, DateTimeOffset At);
public sealed record ReplySent(string Channel, DateTimeOffset At);
/// <summary>The question of a consultation or the text of a suggestion.</summary>
public sealed record InquiryRegistered(string Text, DateTimeOffset At);
