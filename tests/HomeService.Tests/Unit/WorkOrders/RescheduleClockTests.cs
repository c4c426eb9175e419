using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

public sealed class RescheduleClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_window_moves_the_running_arrival_deadline_and_keeps_the_pause_already_taken()
    {
        var order = new WorkOrder();
        order.Apply(new OrderCreated(WorkOrderKind.Service, "phone", null, null, "王先生", "13612345678", null, "agent1", Now));
        order.Apply(new OrderClassified("home-clean", "金水区经三路 15 号", "金水区", Now.AddHours(2), Now.AddHours(4), new Dictionary<string, string>(), Now));
        order.Apply(new OrderOffered("M001", 1, false, null, Now.AddMinutes(10), Now));
        order.Apply(new OrderAccepted("M001", Now.AddMinutes(5)));
        order.Apply(new OrderHeld("客户出差", Now.AddMinutes(10)));
        order.Apply(new OrderResumed(Now.AddMinutes(40)));
        Assert.Equal(Now.AddHours(2).AddMinutes(30), order.Slas["arrival"].DeadlineAt(Now.AddMinutes(41)));

        order.Apply(new OrderRescheduled(Now.AddDays(1), Now.AddDays(1).AddHours(2), Now.AddMinutes(45)));
        Assert.Equal(Now.AddDays(1).AddMinutes(30), order.Slas["arrival"].DeadlineAt(Now.AddMinutes(46)));
        Assert.True(order.Slas["dispatch"].Stopped);
    }
}
