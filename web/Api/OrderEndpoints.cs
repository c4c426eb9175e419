using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Data.Csv;
using HomeService.Web.Localization;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HomeService.Web.Api;

/// <summary>
/// Work orders for the call center, the merchant portal and the worker page. Merchants and workers act only on
/// their own orders (their ids come from the login, never from the address); an illegal step is a 409 that names
/// the order's current state, whether it comes from a stale screen or a race between two.
/// </summary>
public static class OrderEndpoints
{
    public sealed record CreateOrderRequest(string? CallId, string? MemberId, string? ContactName, string? ContactPhone, string? Category,
        string? Address, string? District, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd, Dictionary<string, string>? Requirements, string? Notes);
    public sealed record ReasonRequest(string? Reason);
    public sealed record RescheduleRequest(DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd);
    public sealed record ManualDispatchRequest(string? MerchantId, string? Reason);
    public sealed record AssignRequest(string? WorkerId);
    /// <summary>List filters; all optional. Sort: created, updated, status, order.</summary>
    public sealed record OrderQuery(string? Kind, string? Status, string? Category, string? Merchant, string? District, string? Channel,
        DateTimeOffset? From, DateTimeOffset? To, bool? Open, string? Phone, string? Sort, bool? Asc, int? Page, int? PageSize)
    {
        public OrderSearch.Filter ToFilter() => new(Kind, Status, Category, Merchant, District, Channel, From, To, Open,
            Phone is null ? null : PhoneNumber.Normalize(Phone), Sort ?? "created", Asc != true, Page ?? 1, PageSize ?? 50);
    }

    public sealed record FollowUpRequest(int? Score, bool? Resolved, string? Comment, bool? Unreachable);

    public static RouteGroupBuilder MapOrderEndpoints(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Work orders").RequireAuthorization(Policies.CallCenter);
        orders.MapPost("/", Create);
        orders.MapGet("/", async ([AsParameters] OrderQuery q, OrderSearch search) => TypedResults.Ok(await search.Find(q.ToFilter())));
        orders.MapGet("/export.csv", async ([AsParameters] OrderQuery q, OrderSearch search, HttpContext http) =>
        {
            await search.ExportCsv(q.ToFilter(), CsvExport.Download(http, $"work-orders-{DateTime.UtcNow:yyyyMMddHHmm}.csv"), http.RequestAborted);
            return Results.Empty;
        }).WithDescription("Every matching order as CSV (UTF-8 with BOM), streamed: no row limit.");
        orders.MapGet("/duplicates", async (string? phone, string? category, string? address, OrderSearch search) =>
            TypedResults.Ok(string.IsNullOrEmpty(phone) || string.IsNullOrEmpty(category) || string.IsNullOrEmpty(address)
                ? [] : await search.PossibleDuplicates(PhoneNumber.Normalize(phone), category, address)));
        orders.MapGet("/{orderNo}/history", async (string orderNo, OrderSearch search) => TypedResults.Ok(await search.History(orderNo)));
        orders.MapGet("/{orderNo}", async (string orderNo, IGrainFactory g) =>
            await g.GetGrain<IWorkOrderGrain>(orderNo).Get() is { } view ? (Results<Ok<WorkOrderView>, ProblemHttpResult>)TypedResults.Ok(view) : NotFound());
        orders.MapGet("/{orderNo}/dispatch", async (string orderNo, OrderReader reader) => TypedResults.Ok(await reader.DispatchDecisions(orderNo)));
        orders.MapPost("/{orderNo}/dispatch", (string orderNo, ManualDispatchRequest body, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            Act(orderNo, g, t, o => o.DispatchManually(body.MerchantId ?? "", body.Reason ?? "", u.Identity!.Name!)));
        orders.MapPost("/{orderNo}/cancel", (string orderNo, ReasonRequest body, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            Act(orderNo, g, t, o => o.CustomerCancel(body.Reason ?? "customer", u.Identity!.Name!)));
        orders.MapPost("/{orderNo}/hold", (string orderNo, ReasonRequest body, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            Act(orderNo, g, t, o => o.Hold(body.Reason ?? "waiting-for-customer", u.Identity!.Name!)));
        orders.MapPost("/{orderNo}/follow-up", (string orderNo, FollowUpRequest body, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            Act(orderNo, g, t, o => o.RecordFollowUp(new FollowUpOutcome("agent", body.Score, body.Resolved,
                body.Comment is { Length: > 500 } c ? c[..500] : body.Comment, body.Unreachable ?? false, u.Identity!.Name!))));
        api.MapGet("/follow-ups", async (OrderReader reader) => TypedResults.Ok(await reader.FollowUpsDue()))
            .RequireAuthorization(Policies.CallCenter).WithTags("Work orders");
        orders.MapPost("/{orderNo}/resume", (string orderNo, ClaimsPrincipal u, IGrainFactory g, UiText t) => Act(orderNo, g, t, o => o.Resume(u.Identity!.Name!)));
        orders.MapPost("/{orderNo}/reschedule", (string orderNo, RescheduleRequest body, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            body.WindowStart is not { } start || body.WindowEnd is not { } end
                ? Task.FromResult<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>>(Problems.Validation(t,
                    new Dictionary<string, string[]> { [body.WindowStart is null ? "windowStart" : "windowEnd"] = ["required"] }))
                : Act(orderNo, g, t, o => o.Reschedule(start, end, u.Identity!.Name!)));
        orders.MapPost("/{orderNo}/cannot-complete", (string orderNo, ReasonRequest body, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            Act(orderNo, g, t, o => o.CannotComplete(body.Reason ?? "", u.Identity!.Name!, null)));
        orders.MapPost("/{orderNo}/close", (string orderNo, ClaimsPrincipal u, IGrainFactory g, UiText t) => Act(orderNo, g, t, o => o.Close(u.Identity!.Name!)));

        var merchant = api.MapGroup("/merchant/orders").WithTags("Merchant portal").RequireAuthorization(Policies.MerchantDesk);
        // Once an order is the merchant's, and on the worker's job, the resident's notes and the category's fields come with it.
        merchant.MapGet("/", async (ClaimsPrincipal u, OrderReader reader, IGrainFactory g) =>
            TypedResults.Ok(await OrderDetails.Add(await reader.ForMerchant(u.Find(HomeServiceClaims.MerchantId) ?? ""), g)));
        merchant.MapPost("/{orderNo}/accept", (string orderNo, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            Act(orderNo, g, t, o => o.Accept(u.MerchantOf()), MerchantView, Owns(u)));
        // The portal asks for a reason; so does the API, or the center never learns why the offer came back.
        merchant.MapPost("/{orderNo}/refuse", (string orderNo, ReasonRequest body, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            string.IsNullOrWhiteSpace(body.Reason)
                ? Task.FromResult<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>>(
                    Problems.Validation(t, new Dictionary<string, string[]> { ["reason"] = ["required"] }))
                : Act(orderNo, g, t, o => o.Refuse(u.MerchantOf(), body.Reason), MerchantView, Owns(u)));
        // No worker named is the caller's mistake, said before any grain is asked (an empty grain key would be a 500).
        merchant.MapPost("/{orderNo}/assign", (string orderNo, AssignRequest body, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            string.IsNullOrWhiteSpace(body.WorkerId)
                ? Task.FromResult<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>>(
                    Problems.Validation(t, new Dictionary<string, string[]> { ["workerId"] = ["required"] }))
                : Act(orderNo, g, t, o => o.AssignWorker(u.MerchantOf(), body.WorkerId), MerchantView, Owns(u)));
        merchant.MapPost("/{orderNo}/cancel", (string orderNo, ReasonRequest body, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            Act(orderNo, g, t, o => o.MerchantCancel(u.MerchantOf(), body.Reason ?? ""), MerchantView, Owns(u)));

        var worker = api.MapGroup("/worker/jobs").WithTags("Worker").RequireAuthorization(Policies.Worker);
        worker.MapGet("/", async (ClaimsPrincipal u, OrderReader reader, IGrainFactory g) =>
            TypedResults.Ok(await OrderDetails.Add(await reader.ForWorker(u.Find(HomeServiceClaims.WorkerId) ?? ""), g)));
        worker.MapPost("/{orderNo}/en-route", (string orderNo, ClaimsPrincipal u, IGrainFactory g, UiText t) => Act(orderNo, g, t, o => o.StartTrip(Worker(u))));
        // Both take an optional body: a phone that only presses the button sends none (on time; nothing to report).
        worker.MapPost("/{orderNo}/check-in", async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> (string orderNo,
            HttpRequest request, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
        {
            var (body, malformed) = await OptionalBody.Read<CheckInRequest>(request);
            if (malformed is not null) return Problems.Validation(t, malformed, "checkin");
            return await Act(orderNo, g, t, o => o.CheckIn(Worker(u), body?.Early == true));
        }).DocumentsOptionalBody<CheckInRequest>();
        worker.MapPost("/{orderNo}/check-out", async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> (string orderNo,
            HttpRequest request, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
        {
            var (body, malformed) = await OptionalBody.Read<CheckOutRequest>(request);
            if (malformed is not null) return Problems.Validation(t, malformed, "checkout");
            body ??= new CheckOutRequest(null, null);
            if (body.Validate() is { Count: > 0 } invalid) return Problems.Validation(t, invalid, "checkout");
            return await Act(orderNo, g, t, o => o.CheckOut(Worker(u), body.ToSummary()));
        }).DocumentsOptionalBody<CheckOutRequest>();
        worker.MapPost("/{orderNo}/cannot-complete", (string orderNo, ReasonRequest body, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
            Act(orderNo, g, t, o => o.CannotComplete(body.Reason ?? "", $"worker:{Worker(u)}", Worker(u))));
        return api;
    }

    private static async Task<Results<Created<WorkOrderView>, ValidationProblem>> Create(CreateOrderRequest body,
        [FromHeader(Name = CtiEndpoints.IdempotencyHeader)] string? key, ClaimsPrincipal user, IGrainFactory grains, References references, UiText text)
    {
        if (IdempotencyKeys.Problem(key) is { } bad) return Problems.Validation(text, bad);
        var invalid = await references.Unknown(memberId: body.MemberId, callId: body.CallId);
        References.Limit(invalid, "district", body.District, 50);
        if (invalid.Count > 0) return Problems.Validation(text, invalid);
        var order = new NewServiceOrder("phone", body.CallId, body.MemberId, body.ContactName?.Trim(), body.ContactPhone ?? "", body.Category ?? "",
            body.Address ?? "", body.District ?? "", body.WindowStart ?? default, body.WindowEnd ?? default,
            body.Requirements ?? new Dictionary<string, string>(), body.Notes, user.Identity!.Name!);
        var intake = grains.GetGrain<IOrderIntakeGrain>(0);
        var result = key is null ? await intake.CreateService(order) : await intake.CreateServiceOnce(order, IdempotencyKeys.Staff(user), key);
        return result.Succeeded
            ? TypedResults.Created($"/api/orders/{result.Value!.OrderNo}", result.Value)
            : Problems.Validation(text, result.Errors!, label: await RequirementLabels.For(grains, body.Category));
    }

    public static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> Act(string orderNo, IGrainFactory grains, UiText text,
        Func<IWorkOrderGrain, Task<CommandResult<WorkOrderView>>> action, Func<WorkOrderView, WorkOrderView>? shape = null,
        Func<WorkOrderView, bool>? owns = null)
    {
        if (orderNo.Length > 32) return NotFound();
        var order = grains.GetGrain<IWorkOrderGrain>(orderNo);
        if (await order.Get() is not { } current) return NotFound();
        // Someone else's order: refused before its rules run, so the answer never tells its state (a 409 would).
        if (owns?.Invoke(current) == false) return Problems.Status(403, ProblemTypes.Forbidden, text["order.not-your-order"]);
        var result = await action(order);
        if (result.Succeeded) return TypedResults.Ok((shape ?? (v => v))(result.Value!));
        var code = result.Errors!.Values.First()[0];
        return code switch
        {
            _ when code.StartsWith("illegal:") => Problems.Status(409, ProblemTypes.Conflict, text.Format("order.illegal", text[$"order.status.{code[8..]}"])),
            "not-your-offer" or "not-your-order" or "not-your-job" or "not-your-worker" => Problems.Status(403, ProblemTypes.Forbidden, text[$"order.{code}"]),
            "merchant-not-eligible" => Problems.Status(409, ProblemTypes.Conflict, text["order.merchant-not-eligible"]),
            _ when code.StartsWith("check-in-early:") => CheckInProblems.Early(text, int.Parse(code["check-in-early:".Length..])),
            _ when code.StartsWith("check-in-other-day:") => CheckInProblems.OtherDay(text, code["check-in-other-day:".Length..]),
            "worker-busy" or "worker-unqualified" or "worker-expired" => Problems.Status(409, ProblemTypes.Conflict, text[$"order.{code}"]),
            // A missing or unusable field, reported by the order's rules: name that field.
            "party" or "text" or "reason" or "to" or "channel" or "window" =>
                Problems.Validation(text, new Dictionary<string, string[]> { [code] = [code is "channel" or "party" ? "unknown" : "required"] }),
            _ => Problems.Validation(text, result.Errors!),
        };
    }

    public static WorkOrderView MerchantView(WorkOrderView view) => WorkOrderPrivacy.ForMerchant(view);

    /// <summary>An order offered or given to the signed-in merchant.</summary>
    private static Func<WorkOrderView, bool> Owns(ClaimsPrincipal user) => view => view.MerchantId is { } id && id == user.MerchantOf();
    private static string Worker(ClaimsPrincipal user) => user.Find(HomeServiceClaims.WorkerId) ?? "";

    private static ProblemHttpResult NotFound() => Problems.Status(404, ProblemTypes.NotFound, "No such order.");
}
