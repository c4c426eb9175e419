using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

/// <summary>Which steps of a service order the resident hears of (seed part 4 §4.1), decided without a cluster.</summary>
public sealed class ResidentNoticeTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static WorkOrder Order(WorkOrderStatus status, string? worker = null, string? createdBy = "agent:agent1") => new()
    {
        OrderNo = "WO20261206000001", Kind = WorkOrderKind.Service, Status = status, WorkerId = worker, CreatedBy = createdBy, Category = "home-clean",
    };

    private static OrderClassified Classified() => new("home-clean", "金水区经三路 15 号", "金水区", At, At.AddHours(2), new Dictionary<string, string>(), At);

    [Fact]
    public void Each_step_of_a_service_order_is_one_notice()
    {
        Assert.Equal("received", ResidentNotices.For(Classified(), Order(WorkOrderStatus.Offered), WorkOrderStatus.Raw, null)!.Step);
        Assert.Equal("accepted", ResidentNotices.For(new OrderAccepted("M001", At), Order(WorkOrderStatus.Accepted), WorkOrderStatus.Offered, null)!.Step);
        var assigned = ResidentNotices.For(new WorkerAssigned("W001", At), Order(WorkOrderStatus.WorkerAssigned, "W001"), WorkOrderStatus.Accepted, null)!;
        Assert.Equal(("worker-assigned", true), (assigned.Step, assigned.NamesWorker));
        Assert.Equal("en-route",
            ResidentNotices.For(new WorkerEnRoute("W001", At), Order(WorkOrderStatus.EnRoute, "W001"), WorkOrderStatus.WorkerAssigned, "W001")!.Step);
        Assert.Equal("completed",
            ResidentNotices.For(new WorkerCheckedOut("W001", At), Order(WorkOrderStatus.Completed, "W001"), WorkOrderStatus.InService, "W001")!.Step);
        Assert.Equal("rescheduled",
            ResidentNotices.For(new OrderRescheduled(At, At.AddHours(2), At), Order(WorkOrderStatus.Accepted), WorkOrderStatus.Accepted, null)!.Step);
        Assert.Equal("cancelled",
            ResidentNotices.For(new OrderCancelled("不需要了", "member", At), Order(WorkOrderStatus.Cancelled), WorkOrderStatus.Accepted, null)!.Step);
    }

    [Fact]
    public void Steps_the_resident_does_not_need_and_partners_orders_are_silent()
    {
        Assert.Null(ResidentNotices.For(new OrderOffered("M001", 1, false, null, At, At), Order(WorkOrderStatus.Offered), WorkOrderStatus.PendingDispatch, null));
        Assert.Null(ResidentNotices.For(new WorkerCheckedIn("W001", At), Order(WorkOrderStatus.InService, "W001"), WorkOrderStatus.EnRoute, "W001"));
        Assert.Null(ResidentNotices.For(Classified(), Order(WorkOrderStatus.Offered), WorkOrderStatus.Offered, null)); // not a new order
        Assert.Null(ResidentNotices.For(new OrderAccepted("M001", At), Order(WorkOrderStatus.Accepted, createdBy: "partner:p1"), WorkOrderStatus.Offered, null));
        var consultation = Order(WorkOrderStatus.Cancelled);
        consultation.Kind = WorkOrderKind.Consultation;
        Assert.Null(ResidentNotices.For(new OrderCancelled("x", "agent", At), consultation, WorkOrderStatus.Registered, null));
    }

    [Fact]
    public void The_worker_is_named_masked_and_the_link_defaults_to_the_member_center()
    {
        var parameters = System.Text.Json.JsonSerializer.SerializeToElement(ResidentNotices.Parameters(Order(WorkOrderStatus.WorkerAssigned, "W001"), "刘桂芳"));
        Assert.Equal(("刘**", "/member"), (parameters.GetProperty("worker").GetString(), parameters.GetProperty("link").GetString()));
    }
}
