using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

/// <summary>An order runs on the terms its category had when it was classified.</summary>
public sealed class OrderTermsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static WorkOrder Classified(TimeSpan? dispatchSla, IReadOnlyList<string>? skills)
    {
        var order = new WorkOrder { DispatchSla = TimeSpan.FromMinutes(30) };
        order.Apply(new OrderCreated(WorkOrderKind.Service, "phone", null, null, "王先生", "13612345678", null, "agent1", Now));
        order.Apply(new OrderClassified("drain", "金水区经三路 15 号", "金水区", Now.AddHours(1), Now.AddHours(3), new Dictionary<string, string>(), Now,
            dispatchSla, TimeSpan.FromHours(3), skills, 2));
        return order;
    }

    [Fact]
    public void The_category_dispatch_time_limit_sets_the_dispatch_deadline()
    {
        var order = Classified(TimeSpan.FromMinutes(15), ["drain"]);
        Assert.Equal(Now.AddMinutes(15), order.Slas["dispatch"].DeadlineAt(Now));
        Assert.Equal(["drain"], order.RequiredSkills);
        Assert.Equal(2, order.TermsVersion);
    }

    [Fact]
    public void An_order_classified_before_terms_existed_keeps_the_center_wide_default_and_needs_no_skill()
    {
        var order = Classified(null, null);
        Assert.Equal(Now.AddMinutes(30), order.Slas["dispatch"].DeadlineAt(Now));
        Assert.Empty(order.RequiredSkills);
    }
}
