using HomeService.EventLog;
using HomeService.Notifications;

namespace HomeService.WorkOrders;

/// <summary>
/// The duty supervisor's SMS (值班手机) when an order misses a deadline: which order and which deadline, never the
/// resident's details, since a phone's lock screen shows it. One per order and clock, however often the order is retried.
/// </summary>
public static class DutyNotices
{
    public static IEnumerable<ReadModelWrite> Breach(object e, WorkOrder order, string? dutyPhone)
    {
        if (e is not SlaBreached b || string.IsNullOrEmpty(dutyPhone)) yield break;
        yield return NotificationOutbox.Enqueue("sms", "phone", dutyPhone, "order.sla-breached",
            new { orderNo = order.OrderNo, clock = b.Clock, deadline = b.Deadline }, $"{order.OrderNo}:sla:{b.Clock}:duty");
    }
}
