using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

public sealed class WorkOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8));

    private static WorkOrder Offered(string merchant = "M001")
    {
        var order = new WorkOrder();
        Do(order, Outcome.Of(new OrderCreated(WorkOrderKind.Service, "phone", null, null, "王先生", "13612345678", null, "agent1", T0)));
        Do(order, order.Classify(new OrderClassified("home-clean", "金水区经三路 15 号", "金水区", T0.AddHours(2), T0.AddHours(4), new Dictionary<string, string>(), T0)));
        Do(order, order.Offer(merchant, manual: false, null, TimeSpan.FromMinutes(10), T0));
        return order;
    }

    private static void Do(WorkOrder order, Outcome outcome)
    {
        Assert.False(outcome.Failed, outcome.Error);
        order.Apply(outcome.Event!);
        order.Version++;
    }

    [Fact]
    public void An_offer_is_reminded_of_once_before_it_lapses_and_a_new_offer_gets_its_own_reminder()
    {
        var order = Offered();
        var before = TimeSpan.FromMinutes(3);
        Assert.Equal(T0.AddMinutes(7), order.OfferReminderDue(before));
        Assert.Equal("no-reminder-due", order.RemindOffer(before, T0.AddMinutes(6)).Error);
        Do(order, order.RemindOffer(before, T0.AddMinutes(7)));
        Assert.Null(order.OfferReminderDue(before));
        Assert.Equal("no-reminder-due", order.RemindOffer(before, T0.AddMinutes(8)).Error);

        // The offer lapses; the next merchant's offer is reminded of again.
        Do(order, order.Decline("M001", timedOut: true, null, T0.AddMinutes(10)));
        Assert.Null(order.OfferReminderDue(before));
        Do(order, order.Offer("M002", manual: false, null, TimeSpan.FromMinutes(10), T0.AddMinutes(10)));
        Assert.Equal(T0.AddMinutes(17), order.OfferReminderDue(before));
        // An offer shorter than twice the reminder's lead gets none, and an accepted one needs none.
        Assert.Null(order.OfferReminderDue(TimeSpan.FromMinutes(6)));
        Do(order, order.Accept("M002", T0.AddMinutes(11)));
        Assert.Null(order.OfferReminderDue(before));
    }

    [Fact]
    public void Only_the_merchant_holding_the_offer_can_answer_it()
    {
        var order = Offered();
        Assert.Equal("not-your-offer", order.Accept("M002", T0).Error);
        Assert.Equal("not-your-offer", order.Decline("M002", false, "忙", T0).Error);
        Do(order, order.Accept("M001", T0));
        Assert.Equal(WorkOrderStatus.Accepted, order.Status);
        Assert.True(order.HeldByMerchant);
    }

    [Fact]
    public void A_refusal_excludes_the_merchant_and_counts_the_attempt()
    {
        var order = Offered();
        Assert.Equal(T0.AddMinutes(10), order.OfferExpiresAt);
        Do(order, order.Decline("M001", timedOut: true, null, T0.AddMinutes(10)));
        Assert.Equal((WorkOrderStatus.PendingDispatch, 1), (order.Status, order.OfferAttempts));
        Assert.Contains("M001", order.RefusedBy);
        Assert.Null(order.MerchantId);
    }

    [Fact]
    public void Workers_act_only_on_their_own_jobs_and_hold_returns_to_where_the_order_was()
    {
        var order = Offered();
        Do(order, order.Accept("M001", T0));
        Assert.Equal("not-your-order", order.AssignWorker("M002", "W004", T0).Error);
        Do(order, order.Hold("客户出差", T0));
        Assert.Equal(WorkOrderStatus.OnHold, order.Status);
        Do(order, order.Resume(T0.AddDays(1)));
        Assert.Equal(WorkOrderStatus.Accepted, order.Status);
        Do(order, order.AssignWorker("M001", "W001", T0));
        Assert.Equal("not-your-job", order.CheckIn("W002", false, TimeSpan.FromHours(1), T0).Error);
        Assert.Equal("check-in-early:120", order.CheckIn("W001", false, TimeSpan.FromHours(1), T0).Error); // window at 11:00
        Do(order, order.CheckIn("W001", true, TimeSpan.FromHours(1), T0));
        Assert.Equal("illegal:InService", order.CustomerCancel("不需要了", "agent1", T0).Error);
    }

    [Fact]
    public void The_dispatch_clock_warns_and_breaches_unless_a_merchant_accepts_and_holding_pauses_it()
    {
        var order = Offered(); // classified at T0, dispatch SLA 30 min by default
        Assert.Empty(order.DueSlaEvents(T0.AddMinutes(23)));
        Assert.Equal(T0.AddMinutes(24), order.NextSlaDue(T0.AddMinutes(1)));
        Assert.IsType<SlaWarned>(Assert.Single(order.DueSlaEvents(T0.AddMinutes(25))));
        order.Apply(new SlaWarned("dispatch", T0.AddMinutes(30), T0.AddMinutes(25)));
        Assert.IsType<SlaBreached>(Assert.Single(order.DueSlaEvents(T0.AddMinutes(31))));

        var accepted = Offered();
        Do(accepted, accepted.Accept("M001", T0.AddMinutes(10)));
        Assert.DoesNotContain(accepted.DueSlaEvents(T0.AddHours(5)), e => e is SlaBreached { Clock: "dispatch" });

        var held = Offered();
        Do(held, held.Decline("M001", false, "忙", T0.AddMinutes(5)));
        Do(held, held.Hold("客户要求改期", T0.AddMinutes(10)));
        Assert.Empty(held.DueSlaEvents(T0.AddHours(3)));
        Do(held, held.Resume(T0.AddHours(3)));
        Assert.Equal(T0.AddHours(3).AddMinutes(20), held.Slas["dispatch"].DeadlineAt(T0.AddHours(3)));
    }
}
