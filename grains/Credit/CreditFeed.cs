using HomeService.WorkOrders;

namespace HomeService.Credit;

/// <summary>Whose credit an input is for: "merchant" or "worker", and the id.</summary>
public sealed record CreditSubject(string Kind, string Id)
{
    public string Key => $"{Kind}:{Id}";
    public static CreditSubject Merchant(string id) => new("merchant", id);
    public static CreditSubject Worker(string id) => new("worker", id);
}

/// <summary>
/// Turns work-order events into credit inputs, with the order as it stood after the event. Ratings and on-time
/// completions count for the merchant and the worker; an upheld complaint for whoever it was against; a declined
/// or timed-out offer and a merchant's cancellation for the merchant; a late arrival for both. A resident's own
/// cancellation produces nothing. A worker's inputs reach the merchant's account too (the company answers for its staff).
/// A no-show (爽约) is judged from the order just before the event: the visit ends (cancelled, handed back, cannot be
/// done) while the worker sent has not checked in and the arrival deadline has passed. Then the no-show is what counts,
/// not the cancellation it led to: the resident who gives up on a worker who never came did not cause that.
/// </summary>
public static class CreditFeed
{
    public static readonly TimeSpan LateArrivalGrace = TimeSpan.FromMinutes(15);

    /// <summary>The event types that can move credit: the projector reads only these from the log.</summary>
    public static readonly IReadOnlyList<string> EventTypes =
        ["FollowUpRecorded", "VerdictGiven", "OfferDeclined", "MerchantCancelled", "WorkerCheckedIn", "WorkerCheckedOut", "OrderCancelled",
         "OrderCannotComplete"];

    public static IEnumerable<(CreditSubject Subject, CreditInput Input)> From(object e, WorkOrder order, string source, VisitBefore? before = null)
    {
        if (NoShow(e, before) is { } at)
        {
            if (before!.MerchantId is { } merchant) yield return (CreditSubject.Merchant(merchant), new CreditInput("penalty", source, at, Reason: CreditReason.WorkerNoShow));
            yield return (CreditSubject.Worker(before.WorkerId!), new CreditInput("penalty", source, at, Reason: CreditReason.WorkerNoShow));
            yield break;
        }
        switch (e)
        {
            case FollowUpRecorded { CountsAsRating: true, Score: { } stars } f:
                foreach (var s in ServiceParties(order)) yield return (s, new CreditInput("rating", source, f.At, Stars: stars));
                break;
            case VerdictGiven { Upheld: true } v:
                var penalty = CreditRules.ComplaintPenalty(order.Severity switch { "low" => "minor", "high" => "serious", _ => "normal" });
                if (order.AgainstMerchantId is { } m) yield return (CreditSubject.Merchant(m), new CreditInput("penalty", source, v.At, Reason: penalty));
                if (order.AgainstWorkerId is { } w) yield return (CreditSubject.Worker(w), new CreditInput("penalty", source, v.At, Reason: penalty));
                break;
            case OfferDeclined d:
                yield return (CreditSubject.Merchant(d.MerchantId),
                    new CreditInput("penalty", source, d.At, Reason: d.TimedOut ? CreditReason.AcceptTimeout : CreditReason.Refusal));
                break;
            case MerchantCancelled c:
                yield return (CreditSubject.Merchant(c.MerchantId), new CreditInput("penalty", source, c.At, Reason: CreditReason.CancelAfterAccept));
                break;
            case WorkerCheckedIn i when order.WindowStart is { } start && i.At > start + LateArrivalGrace:
                foreach (var s in ServiceParties(order)) yield return (s, new CreditInput("penalty", source, i.At, Reason: CreditReason.LateArrival));
                break;
            case WorkerCheckedOut o:
                var onTime = order.WindowEnd is not { } end || o.At <= end + LateArrivalGrace;
                foreach (var s in ServiceParties(order)) yield return (s, new CreditInput("completed", source, o.At, OnTime: onTime));
                break;
        }
    }

    /// <summary>When the event ends a visit the worker never came to, its time; else null.</summary>
    private static DateTimeOffset? NoShow(object e, VisitBefore? before)
    {
        DateTimeOffset? at = e switch { OrderCancelled c => c.At, MerchantCancelled m => m.At, OrderCannotComplete n => n.At, _ => null };
        return at is { } when && before is { WorkerId: not null, Arrival: { Stopped: false } arrival } && arrival.Elapsed(when) > arrival.Allowed ? when : null;
    }

    private static IEnumerable<CreditSubject> ServiceParties(WorkOrder order)
    {
        if (order.MerchantId is { } m) yield return CreditSubject.Merchant(m);
        if (order.WorkerId is { } w) yield return CreditSubject.Worker(w);
    }
}

/// <summary>What the no-show rule needs of an order just before an event: who was sent and the arrival deadline's clock.</summary>
public sealed record VisitBefore(string? MerchantId, string? WorkerId, SlaClock? Arrival)
{
    public static VisitBefore Of(WorkOrder order) =>
        new(order.MerchantId, order.WorkerId, order.Slas.TryGetValue("arrival", out var arrival) ? arrival : null);
}
