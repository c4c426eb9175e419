using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

public sealed class ComplaintSlaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static WorkOrder Complaint(string severity)
    {
        var order = new WorkOrder();
        order.Apply(new OrderCreated(WorkOrderKind.Complaint, "phone", null, null, "赵女士", "13655556666", null, "agent1", Now));
        order.Apply(new ComplaintRegistered("WO1", "M001", null, severity, "阿姨迟到两小时", Now));
        return order;
    }

    [Theory]
    [InlineData("high", 4, 24)]
    [InlineData("medium", 24, 72)]
    [InlineData("low", 48, 120)]
    public void Without_settings_the_default_times_hold(string severity, int respondHours, int resolveHours)
    {
        var assigned = (ComplaintAssigned)Complaint(severity).AssignComplaint("merchant:M001", Now, new WorkOrderOptions().ComplaintSla).Event!;
        Assert.Equal((TimeSpan.FromHours(respondHours), TimeSpan.FromHours(resolveHours)), (assigned.RespondWithin, assigned.ResolveWithin));
    }

    [Fact]
    public void A_severity_set_in_the_settings_uses_its_own_times_and_the_others_keep_the_defaults()
    {
        var options = new WorkOrderOptions
        {
            ComplaintSlas = new Dictionary<string, (TimeSpan, TimeSpan)> { ["high"] = (TimeSpan.FromHours(1), TimeSpan.FromHours(8)) },
        };
        var high = (ComplaintAssigned)Complaint("high").AssignComplaint("department:quality", Now, options.ComplaintSla).Event!;
        var medium = (ComplaintAssigned)Complaint("medium").AssignComplaint("department:quality", Now, options.ComplaintSla).Event!;
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromHours(8)), (high.RespondWithin, high.ResolveWithin));
        Assert.Equal((TimeSpan.FromHours(24), TimeSpan.FromHours(72)), (medium.RespondWithin, medium.ResolveWithin));
    }
}
