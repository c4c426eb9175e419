namespace HomeService.WorkOrders;

/// <summary>
/// Which step of a service order the resident hears of (seed part 4 §4.1): received with its number, accepted, a worker
/// assigned, the worker on the way, completed, rescheduled, cancelled. Partners' orders are left to the partner's
/// webhooks: the partner owns that customer relationship. Each step is heard once per event.
/// </summary>
public static class ResidentNotices
{
    public sealed record Notice(string Step, bool NamesWorker);

    public static Notice? For(object e, WorkOrder o, WorkOrderStatus statusBefore, string? workerBefore)
    {
        if (o.Kind != WorkOrderKind.Service || o.CreatedBy is { } creator && creator.StartsWith("partner:")) return null;
        return e switch
        {
            OrderClassified when statusBefore == WorkOrderStatus.Raw => new("received", false),
            OrderAccepted => new("accepted", false),
            WorkerAssigned when o.WorkerId != workerBefore => new("worker-assigned", true),
            WorkerEnRoute => new("en-route", true),
            WorkerCheckedOut when o.Status == WorkOrderStatus.Completed => new("completed", false),
            OrderRescheduled => new("rescheduled", false),
            _ when o.Status == WorkOrderStatus.Cancelled && statusBefore != WorkOrderStatus.Cancelled => new("cancelled", false),
            _ => null,
        };
    }

    /// <summary>What the notice carries: the order's number, category and time; the worker by masked name, never the merchant's notes.</summary>
    public static object Parameters(WorkOrder o, string? workerName) => new
    {
        orderNo = o.OrderNo,
        category = o.Category,
        windowStart = o.WindowStart,
        worker = PersonalData.MaskName(workerName),
        link = "/member",
    };
}
