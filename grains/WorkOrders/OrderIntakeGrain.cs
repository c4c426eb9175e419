using HomeService.Catalogue;
using HomeService.Places;
using Npgsql;
using Orleans.Concurrency;

namespace HomeService.WorkOrders;

[StatelessWorker]
public sealed class OrderIntakeGrain(OrderNumbers numbers, NpgsqlDataSource db, TimeProvider clock) : Grain, IOrderIntakeGrain
{
    public async Task<CommandResult<WorkOrderView>> CreateServiceOnce(NewServiceOrder order, string source, string idempotencyKey)
    {
        var checkedOrder = order;
        return await Once(source, idempotencyKey, async () =>
        {
            (checkedOrder, var errors) = await Check(order);
            return errors;
        }, orderNo => GrainFactory.GetGrain<IWorkOrderGrain>(orderNo).CreateService(checkedOrder));
    }

    public Task<CommandResult<WorkOrderView>> CreateComplaintOnce(NewComplaint complaint, string source, string idempotencyKey) =>
        Once(source, idempotencyKey, () => ComplaintErrors(complaint), orderNo => GrainFactory.GetGrain<IWorkOrderGrain>(orderNo).CreateComplaint(complaint));

    public Task<CommandResult<WorkOrderView>> CreateInquiryOnce(NewInquiry inquiry, string source, string idempotencyKey) =>
        Once(source, idempotencyKey, () => Task.FromResult(InquiryErrors(inquiry)),
            orderNo => GrainFactory.GetGrain<IWorkOrderGrain>(orderNo).CreateInquiry(inquiry));

    /// <summary>
    /// An order made at most once per (source, key): a retry gets the order its key already made, whatever changed since
    /// (its time window may have started), and costs no order number. The number is reserved and bound to the key in one
    /// statement, so a retry racing the first request, or one after a crash mid-way, finds the number bound the first time.
    /// </summary>
    private async Task<CommandResult<WorkOrderView>> Once(string source, string key, Func<Task<Dictionary<string, string[]>>> validate,
        Func<string, Task<CommandResult<WorkOrderView>>> create)
    {
        if (await BoundOrder(source, key) is { } bound && await GrainFactory.GetGrain<IWorkOrderGrain>(bound).Get() is { } made)
            return CommandResult<WorkOrderView>.Ok(made);
        var errors = await validate();
        if (errors.Count > 0) return CommandResult<WorkOrderView>.Invalid(errors);
        var candidate = await numbers.Next(clock.GetUtcNow());
        string? orderNo;
        await using (var insert = db.CreateCommand(
            "INSERT INTO partner_order_receipt (partner_key_id, idempotency_key, order_no) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING order_no"))
        {
            insert.Parameters.Add(new() { Value = source });
            insert.Parameters.Add(new() { Value = key });
            insert.Parameters.Add(new() { Value = candidate });
            orderNo = (string?)await insert.ExecuteScalarAsync();
        }
        orderNo ??= (await BoundOrder(source, key))!;
        return await create(orderNo);
    }

    public Task<string?> Receipt(string source, string idempotencyKey) => BoundOrder(source, idempotencyKey);

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

    /// <summary>
    /// The order against the rules, its category's fields and the city's districts; a valid one leaves with the category's
    /// current terms and the district's current name (a record may still say a district's former name). Every way in
    /// (agent, web, partner) comes through here, so a retired category or district is refused on all of them alike.
    /// </summary>
    private async Task<(NewServiceOrder Order, Dictionary<string, string[]> Errors)> Check(NewServiceOrder order)
    {
        var category = string.IsNullOrWhiteSpace(order.Category) ? null
            : await GrainFactory.GetGrain<IServiceCatalogueGrain>(0).Get(order.Category);
        var errors = ServiceOrderRules.Validate(order, category?.Orderable == true, clock.GetUtcNow());
        if (category is { Active: false, ParentCode: not null }) errors["category"] = ["catalogue-retired"];
        if (category is { Orderable: true })
            foreach (var (field, codes) in CategoryTermsRules.CheckRequirements(category.Terms, order.Requirements)) errors[field] = codes;
        var district = string.IsNullOrWhiteSpace(order.District) ? null : await GrainFactory.GetGrain<ICityPlacesGrain>(0).Find(order.District.Trim());
        if (!string.IsNullOrWhiteSpace(order.District) && district is not { Active: true })
            errors["district"] = [district is null ? "unknown" : "catalogue-retired"];
        if (district is not null) order = order with { District = district.NameZh };
        return (category is null ? order : order with { Terms = category.Terms, TermsVersion = category.TermsVersion }, errors);
    }

    public async Task<CommandResult<WorkOrderView>> CreateComplaint(NewComplaint complaint)
    {
        var errors = await ComplaintErrors(complaint);
        if (errors.Count > 0) return CommandResult<WorkOrderView>.Invalid(errors);
        var orderNo = await numbers.Next(clock.GetUtcNow());
        return await GrainFactory.GetGrain<IWorkOrderGrain>(orderNo).CreateComplaint(complaint);
    }

    private async Task<Dictionary<string, string[]>> ComplaintErrors(NewComplaint complaint)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PhoneNumber.IsDialable(PhoneNumber.Normalize(complaint.ContactPhone))) errors["contactPhone"] = ["format:phone"];
        if (complaint.Severity is not ("low" or "medium" or "high")) errors["severity"] = ["unknown"];
        if (string.IsNullOrWhiteSpace(complaint.Description)) errors["description"] = ["required"];
        else if (complaint.Description.Length > 2000) errors["description"] = ["max_length:2000"];
        if (complaint.RelatedOrderNo is { } related && await GrainFactory.GetGrain<IWorkOrderGrain>(related).Get() is null) errors["relatedOrderNo"] = ["unknown"];
        return errors;
    }

    public async Task<CommandResult<WorkOrderView>> CreateInquiry(NewInquiry inquiry)
    {
        var errors = InquiryErrors(inquiry);
        if (errors.Count > 0) return CommandResult<WorkOrderView>.Invalid(errors);
        var orderNo = await numbers.Next(clock.GetUtcNow());
        return await GrainFactory.GetGrain<IWorkOrderGrain>(orderNo).CreateInquiry(inquiry);
    }

    private static Dictionary<string, string[]> InquiryErrors(NewInquiry inquiry)
    {
        var errors = new Dictionary<string, string[]>();
        if (inquiry.Kind is not (WorkOrderKind.Consultation or WorkOrderKind.Suggestion)) errors["kind"] = ["unknown"];
        if (!PhoneNumber.IsDialable(PhoneNumber.Normalize(inquiry.ContactPhone))) errors["contactPhone"] = ["format:phone"];
        if (string.IsNullOrWhiteSpace(inquiry.Text)) errors["text"] = ["required"];
        else if (inquiry.Text.Length > 2000) errors["text"] = ["max_length:2000"];
        return errors;
    }
}
