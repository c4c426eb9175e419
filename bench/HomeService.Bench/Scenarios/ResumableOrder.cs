using System.Threading.Channels;
using HomeService.WorkOrders;

namespace HomeService.Bench.Scenarios;

/// <summary>
/// Takes one order to Closed from whatever state it is in, so a call that failed with its silo is simply tried again
/// from the order's real state: the client's view of "what happened" is never trusted over the order's own.
/// </summary>
public static class ResumableOrder
{
    public static async Task<bool> Finish(IClusterClient client, string orderNo, IReadOnlyDictionary<string, Channel<string>> pools, TimeSpan patience)
    {
        var order = client.GetGrain<IWorkOrderGrain>(orderNo);
        var deadline = DateTime.UtcNow + patience;
        string? worker = null, workerMerchant = null;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    var view = await order.Get() ?? throw new InvalidOperationException($"{orderNo} is gone");
                    switch (view.Status)
                    {
                        case WorkOrderStatus.Closed: return true;
                        case WorkOrderStatus.Offered: await order.Accept(view.MerchantId!); break;
                        case WorkOrderStatus.Accepted:
                            if (worker is null || workerMerchant != view.MerchantId)
                            {
                                if (worker is not null) pools[workerMerchant!].Writer.TryWrite(worker);
                                (worker, workerMerchant) = (await pools[view.MerchantId!].Reader.ReadAsync(), view.MerchantId);
                            }
                            await order.AssignWorker(view.MerchantId!, worker);
                            break;
                        case WorkOrderStatus.WorkerAssigned: await order.StartTrip(view.WorkerId!); break;
                        case WorkOrderStatus.EnRoute: await order.CheckIn(view.WorkerId!); break;
                        case WorkOrderStatus.InService: await order.CheckOut(view.WorkerId!); break;
                        case WorkOrderStatus.Completed or WorkOrderStatus.FollowUpDue:
                            await order.RecordFollowUp(new FollowUpOutcome("web", 5, true, null, false, "bench"));
                            break;
                        default: await Task.Delay(200); break; // dispatching: the order moves by itself
                    }
                }
                catch (Exception e) when (e is not InvalidOperationException)
                {
                    await Task.Delay(200); // the silo holding it died; the order reactivates elsewhere from its log
                }
            }
            return false;
        }
        finally
        {
            if (worker is not null) pools[workerMerchant!].Writer.TryWrite(worker);
        }
    }
}
