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

    public async Task<CommandResult<WorkOrderView>> CreateComplaint(NewComplaint complaint)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PhoneNumber.IsDialable(PhoneNumber.Normalize(complaint.ContactPhone))) errors["contactPhone"] = ["format:phone"];
        if (complaint.Severity is not ("low" or "medium" or "high")) errors["severity"] = ["unknown"];
        if (string.IsNullOrWhiteSpace(complaint.Description)) errors["description"] = ["required"];
        else if (complaint.Description.Length > 2000) errors["description"] = ["max_length:2000"];
        if (complaint.RelatedOrderNo is { } related && await GrainFactory.GetGrain<IWorkOrderGrain>(related).Get() is null) errors["relatedOrderNo"] = ["unknown"];
        if (errors.Count > 0) return CommandResult<WorkOrderView>.Invalid(errors);
        var orderNo = await numbers.Next(clock.GetUtcNow());
        return await GrainFactory.GetGrain<IWorkOrderGrain>(orderNo).CreateComplaint(complaint);
    }

    public async Task<CommandResult<WorkOrderView>> CreateInquiry(NewInquiry inquiry)
    {
        var errors = new Dictionary<string, string[]>();
        if (inquiry.Kind is not (WorkOrderKind.Consultation or WorkOrderKind.Suggestion)) errors["kind"] = ["unknown"];
        if (!PhoneNumber.IsDialable(PhoneNumber.Normalize(inquiry.ContactPhone))) errors["contactPhone"] = ["format:phone"];
        if (string.IsNullOrWhiteSpace(inquiry.Text)) errors["text"] = ["required"];
        else if (inquiry.Text.Length > 2000) errors["text"] = ["max_length:2000"];
        if (errors.Count > 0) return CommandResult<WorkOrderView>.Invalid(errors);
        var orderNo = await numbers.Next(clock.GetUtcNow());
        return await GrainFactory.GetGrain<IWorkOrderGrain>(orderNo).CreateInquiry(inquiry);
    }
}
