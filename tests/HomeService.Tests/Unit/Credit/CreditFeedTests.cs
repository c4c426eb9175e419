using HomeService.Credit;
using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.Credit;

/// <summary>Which work-order events move whose credit.</summary>
public sealed class CreditFeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private static WorkOrder Served() => new()
    {
        OrderNo = "WO1", MerchantId = "M001", WorkerId = "W001", WindowStart = Start, WindowEnd = Start.AddHours(2),
    };

    private static List<string> Feed(object e, WorkOrder order) =>
        CreditFeed.From(e, order, "WO1#9").Select(x => $"{x.Subject.Key} {x.Input.Kind} {x.Input.Stars}{x.Input.Reason}{x.Input.OnTime}").ToList();

    [Fact]
    public void A_rating_counts_for_the_merchant_and_the_worker_but_only_the_first_one()
    {
        Assert.Equal(["merchant:M001 rating 4", "worker:W001 rating 4"],
            Feed(new FollowUpRecorded("agent", 4, true, null, false, CountsAsRating: true, "A001", Start), Served()));
        Assert.Empty(Feed(new FollowUpRecorded("web", 1, true, null, false, CountsAsRating: false, null, Start), Served()));
        Assert.Empty(Feed(new FollowUpRecorded("ivr", null, null, null, Unreachable: true, CountsAsRating: false, null, Start), Served()));
    }

    [Fact]
    public void Late_arrival_and_on_time_completion_are_judged_against_the_window()
    {
        Assert.Empty(Feed(new WorkerCheckedIn("W001", Start.AddMinutes(15)), Served()));
        Assert.Equal(["merchant:M001 penalty LateArrival", "worker:W001 penalty LateArrival"], Feed(new WorkerCheckedIn("W001", Start.AddMinutes(16)), Served()));
        Assert.Equal(["merchant:M001 completed True", "worker:W001 completed True"], Feed(new WorkerCheckedOut("W001", Start.AddHours(2)), Served()));
        Assert.Equal(["merchant:M001 completed False", "worker:W001 completed False"], Feed(new WorkerCheckedOut("W001", Start.AddHours(3)), Served()));
    }

    [Fact]
    public void Offers_declined_or_timed_out_and_a_merchants_cancellation_cost_the_merchant_and_a_residents_cancellation_nothing()
    {
        Assert.Equal(["merchant:M002 penalty Refusal"], Feed(new OfferDeclined("M002", false, "人手不足", Start), Served()));
        Assert.Equal(["merchant:M002 penalty AcceptTimeout"], Feed(new OfferDeclined("M002", true, null, Start), Served()));
        Assert.Equal(["merchant:M001 penalty CancelAfterAccept"], Feed(new MerchantCancelled("M001", "人手不足", Start), Served()));
        Assert.Empty(Feed(new OrderCancelled("客户不需要了", "member:R0001", Start), Served()));
    }

    [Fact]
    public void An_upheld_complaint_costs_whoever_it_was_against_by_its_severity()
    {
        var complaint = new WorkOrder { OrderNo = "WO2", AgainstMerchantId = "M001", AgainstWorkerId = "W001", Severity = "high" };
        Assert.Equal(["merchant:M001 penalty ComplaintSerious", "worker:W001 penalty ComplaintSerious"], Feed(new VerdictGiven(true, "属实", Start), complaint));
        Assert.Empty(Feed(new VerdictGiven(false, "不属实", Start), complaint));
        Assert.Equal(["merchant:M001 penalty ComplaintMinor"],
            Feed(new VerdictGiven(true, "属实", Start), new WorkOrder { AgainstMerchantId = "M001", Severity = "low" }));
    }

    [Fact]
    public void A_visit_ended_after_the_arrival_deadline_without_a_check_in_is_the_workers_no_show_and_nothing_else()
    {
        // Accepted at 09:00 for a window starting 10:00: arrival is due at 10:00.
        var accepted = Start.AddHours(-1);
        var waiting = new VisitBefore("M001", "W001", new SlaClock("arrival", accepted, TimeSpan.FromHours(1)));
        List<string> FeedBefore(object e, VisitBefore before) =>
            CreditFeed.From(e, Served(), "WO1#9", before).Select(x => $"{x.Subject.Key} {x.Input.Kind} {x.Input.Reason}").ToList();

        Assert.Equal(["merchant:M001 penalty WorkerNoShow", "worker:W001 penalty WorkerNoShow"],
            FeedBefore(new OrderCancelled("师傅一直没来", "member:R0001", Start.AddMinutes(40)), waiting));
        Assert.Equal(["merchant:M001 penalty WorkerNoShow", "worker:W001 penalty WorkerNoShow"],
            FeedBefore(new MerchantCancelled("M001", "联系不上师傅", Start.AddMinutes(40)), waiting));
        Assert.Equal(["merchant:M001 penalty WorkerNoShow", "worker:W001 penalty WorkerNoShow"],
            FeedBefore(new OrderCannotComplete("师傅未到", Start.AddMinutes(40)), waiting));

        // Before the deadline it is an ordinary cancellation; after a check-in (the clock stopped) never a no-show.
        Assert.Empty(FeedBefore(new OrderCancelled("不需要了", "member:R0001", Start.AddMinutes(-10)), waiting));
        Assert.Equal(["merchant:M001 penalty CancelAfterAccept"], FeedBefore(new MerchantCancelled("M001", "人手不足", Start.AddMinutes(-10)), waiting));
        var arrived = waiting with { Arrival = waiting.Arrival!.Stop(Start.AddMinutes(5)) };
        Assert.Empty(FeedBefore(new OrderCannotComplete("客户不在家", Start.AddMinutes(40)), arrived));
        // No worker sent yet: the merchant's late cancellation is just that.
        Assert.Equal(["merchant:M001 penalty CancelAfterAccept"],
            FeedBefore(new MerchantCancelled("M001", "人手不足", Start.AddMinutes(40)), waiting with { WorkerId = null }));
    }

    [Fact]
    public void Waiting_for_the_customer_does_not_count_towards_a_no_show()
    {
        var accepted = Start.AddHours(-1);
        var held = new SlaClock("arrival", accepted, TimeSpan.FromHours(1)).Pause(accepted.AddMinutes(30));
        Assert.Empty(CreditFeed.From(new OrderCancelled("改天再说", "member:R0001", Start.AddMinutes(20)), Served(), "WO1#9",
            new VisitBefore("M001", "W001", held)));
    }
}
