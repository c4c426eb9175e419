using HomeService.WorkOrders;
using static HomeService.WorkOrders.WorkOrderAction;
using static HomeService.WorkOrders.WorkOrderStatus;

namespace HomeService.Tests.Unit.WorkOrders;

public sealed class WorkOrderTransitionsTests
{
    private static WorkOrderStatus Walk(WorkOrderKind kind, params (WorkOrderAction Action, WorkOrderStatus Expected)[] steps)
    {
        var status = WorkOrderTransitions.Initial(kind);
        foreach (var (action, expected) in steps)
        {
            var next = WorkOrderTransitions.Next(kind, status, action);
            Assert.True(next.HasValue, $"{kind}: {action} refused in {status}");
            Assert.Equal(expected, next.Value);
            status = next.Value;
        }
        return status;
    }

    [Fact]
    public void A_service_order_goes_from_intake_to_closed_through_dispatch_visit_and_follow_up()
    {
        Walk(WorkOrderKind.Service,
            (Classify, PendingDispatch), (Offer, Offered), (RefuseOffer, PendingDispatch), (Offer, Offered), (TimeOutOffer, PendingDispatch),
            (ExhaustOffers, ManualDispatch), (DispatchManually, Offered), (Accept, Accepted), (AssignWorker, WorkOrderStatus.WorkerAssigned),
            (StartTrip, EnRoute), (CheckIn, InService), (CheckOut, Completed), (FollowUpFallsDue, FollowUpDue),
            (RecordFollowUp, FollowedUp), (Close, Closed));
    }

    [Fact]
    public void A_merchant_that_cancels_after_accepting_sends_the_order_back_to_dispatch()
    {
        Walk(WorkOrderKind.Service, (Classify, PendingDispatch), (Offer, Offered), (Accept, Accepted), (AssignWorker, WorkOrderStatus.WorkerAssigned),
            (MerchantCancel, PendingDispatch));
    }

    [Theory]
    [InlineData(Raw)]
    [InlineData(PendingDispatch)]
    [InlineData(Offered)]
    [InlineData(ManualDispatch)]
    [InlineData(Accepted)]
    [InlineData(WorkOrderStatus.WorkerAssigned)]
    [InlineData(EnRoute)]
    [InlineData(OnHold)]
    public void The_customer_may_cancel_before_the_worker_checks_in(WorkOrderStatus from) =>
        Assert.Equal(Cancelled, WorkOrderTransitions.Next(WorkOrderKind.Service, from, CustomerCancel));

    [Theory]
    [InlineData(InService)]
    [InlineData(Completed)]
    [InlineData(FollowUpDue)]
    [InlineData(Closed)]
    [InlineData(Cancelled)]
    public void After_check_in_the_customer_can_no_longer_cancel(WorkOrderStatus from) =>
        Assert.Null(WorkOrderTransitions.Next(WorkOrderKind.Service, from, CustomerCancel));

    [Theory]
    [InlineData(PendingDispatch, Accept)]
    [InlineData(Offered, AssignWorker)]
    [InlineData(Accepted, CheckIn)]
    [InlineData(EnRoute, CheckOut)]
    [InlineData(Completed, Close)]
    [InlineData(InService, Hold)]
    [InlineData(ManualDispatch, Offer)]
    [InlineData(Raw, Offer)]
    public void Steps_out_of_order_are_refused(WorkOrderStatus from, WorkOrderAction action) =>
        Assert.Null(WorkOrderTransitions.Next(WorkOrderKind.Service, from, action));

    [Fact]
    public void A_consultation_is_answered_at_once_or_forwarded_and_replied()
    {
        Walk(WorkOrderKind.Consultation, (AnswerDirectly, Closed));
        Walk(WorkOrderKind.Consultation, (Forward, Forwarded), (Reply, Replied), (SendReply, Closed));
    }

    [Fact]
    public void A_complaint_is_assigned_answered_judged_and_followed_up_and_can_be_reopened()
    {
        Walk(WorkOrderKind.Complaint, (Assign, Assigned), (Respond, Responded), (GiveVerdict, WorkOrderStatus.VerdictGiven), (Reopen, Assigned),
            (Respond, Responded), (GiveVerdict, WorkOrderStatus.VerdictGiven), (RecordFollowUp, FollowedUp), (Close, Closed));
        Assert.Null(WorkOrderTransitions.Next(WorkOrderKind.Complaint, Registered, GiveVerdict));
    }

    [Fact]
    public void A_suggestion_is_forwarded_answered_and_replied()
    {
        Walk(WorkOrderKind.Suggestion, (Forward, Forwarded), (Respond, Responded), (SendReply, Replied), (Close, Closed));
    }

    [Fact]
    public void Closed_and_cancelled_orders_accept_nothing()
    {
        foreach (var kind in Enum.GetValues<WorkOrderKind>())
        foreach (var action in Enum.GetValues<WorkOrderAction>())
        {
            Assert.Null(WorkOrderTransitions.Next(kind, Closed, action));
            Assert.Null(WorkOrderTransitions.Next(kind, Cancelled, action));
        }
    }

    [Fact]
    public void Every_state_of_every_kind_is_reachable_and_can_still_reach_an_end()
    {
        foreach (var kind in Enum.GetValues<WorkOrderKind>())
        {
            var edges = WorkOrderTransitions.All.Where(t => t.Kind == kind).ToList();
            var states = edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet();
            var reachable = Closure(WorkOrderTransitions.Initial(kind), s => edges.Where(e => e.From == s).Select(e => e.To));
            Assert.Equal(states.Order(), reachable.Order());
            foreach (var state in states.Where(s => s is not (Closed or Cancelled)))
            {
                // OnHold resumes to where it was held; for reachability it leads back to the states it was held from.
                var forward = Closure(state, s => s == OnHold
                    ? edges.Where(e => e.Action == Hold).Select(e => e.From)
                    : edges.Where(e => e.From == s).Select(e => e.To));
                Assert.True(forward.Contains(Closed) || forward.Contains(Cancelled), $"{kind}: {state} is a dead end");
            }
        }
    }

    private static HashSet<WorkOrderStatus> Closure(WorkOrderStatus start, Func<WorkOrderStatus, IEnumerable<WorkOrderStatus>> next)
    {
        var seen = new HashSet<WorkOrderStatus> { start };
        var work = new Stack<WorkOrderStatus>([start]);
        while (work.Count > 0)
            foreach (var n in next(work.Pop()))
                if (seen.Add(n)) work.Push(n);
        return seen;
    }
}
