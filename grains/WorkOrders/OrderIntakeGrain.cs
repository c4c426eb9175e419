using Orleans.Concurrency;

namespace HomeService.WorkOrders;

[StatelessWorker]
public sealed class OrderIntakeGrain(OrderNumbers numbers, TimeProvider clock) : Grain, IOrderIntakeGrain
{
    public async Task<CommandResult<WorkOrderView>> CreateService(NewServiceOrder order)
    {
        var exists = await GrainFactory.GetGrain<IDispatchDirectoryGrain>(0).CategoryExists(order.Category ?? "");
        var errors = ServiceOrderRules.Validate(order, exists, clock.GetUtcNow());
        if (errors.Count > 0) return CommandResult<WorkOrderView>.Invalid(errors);
        var orderNo = await numbers.Next(clock.GetUtcNow());
        return await GrainFactory.GetGrain<IWorkOrderGrain>(orderNo).CreateService(order);
    }
}
