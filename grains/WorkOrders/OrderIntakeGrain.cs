using HomeService.Catalogue;
using Npgsql;
using Orleans.Concurrency;

namespace HomeService.WorkOrders;

[StatelessWorker]
public sealed class OrderIntakeGrain(OrderNumbers numbers, NpgsqlDataSource db, TimeProvider clock) : Grain, IOrderIntakeGrain
{
    public async Task<CommandResult<WorkOrderView>> CreatePartnerService(NewServiceOrder order, string partnerKeyId, string idempotencyKey)
    {
        // A retry gets the order its key already made, whatever changed since (its time window may have started), and
        // costs no order number.
        if (await BoundOrder(partnerKeyId, idempotencyKey) is { } bound && await GrainFactory.GetGrain<IWorkOrderGrain>(bound).Get() is { } made)
            return CommandResult<WorkOrderView>.Ok(made);
        var (checkedOrder, errors) = await Check(order);
        if (errors.Count > 0) return CommandResult<WorkOrderView>.Invalid(errors);
        order = checkedOrder;
        // Reserve a number and bind it to the key in one statement; a retry finds the number bound the first time.
        var candidate = await numbers.Next(clock.GetUtcNow());
        string? orderNo;
        await using (var insert = db.CreateCommand(
            "INSERT INTO partner_order_receipt (partner_key_id, idempotency_key, order_no) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING order_no"))
        {
            insert.Parameters.Add(new() { Value = partnerKeyId });
            insert.Parameters.Add(new() { Value = idempotencyKey });
            insert.Parameters.Add(new() { Value = candidate });
            orderNo = (string?)await insert.ExecuteScalarAsync();
        }
        // The key was bound first by another request (maybe at this very moment): a new statement sees its row.
        orderNo ??= (await BoundOrder(partnerKeyId, idempotencyKey))!;
        return await GrainFactory.GetGrain<IWorkOrderGrain>(orderNo).CreateService(order);
    }

    private async Task<string?> BoundOrder(string partnerKeyId, string idempotencyKey)
    {
        await using var select = db.CreateCommand("SELECT order_no FROM partner_order_receipt WHERE partner_key_id = $1 AND idempotency_key = $2");
        select.Parameters.Add(new() { Value = partnerKeyId });
        select.Parameters.Add(new() { Value = idempotencyKey });
        return (string?)await select.ExecuteScalarAsync();
    }

    public async Task<CommandResult<WorkOrderView>> CreateService(NewServiceOrder order)
    {
        var (checkedOrder, errors) = await Check(order);
        if (errors.Count > 0) return CommandResult<WorkOrderView>.Invalid(errors);
        var orderNo = await numbers.Next(clock.GetUtcNow());
        return await GrainFactory.GetGrain<IWorkOrderGrain>(orderNo).CreateService(checkedOrder);
    }

    /// <summary>The order against the rules and its category's fields; a valid one leaves with the category's current terms.</summary>
    private async Task<(NewServiceOrder Order, Dictionary<string, string[]> Errors)> Check(NewServiceOrder order)
    {
        var category = string.IsNullOrWhiteSpace(order.Category) ? null
            : await GrainFactory.GetGrain<IServiceCatalogueGrain>(0).Get(order.Category);
        var errors = ServiceOrderRules.Validate(order, category?.Orderable == true, clock.GetUtcNow());
        if (category is { Orderable: true })
            foreach (var (field, codes) in CategoryTermsRules.CheckRequirements(category.Terms, order.Requirements)) errors[field] = codes;
        return (category is null ? order : order with { Terms = category.Terms, TermsVersion = category.TermsVersion }, errors);
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
