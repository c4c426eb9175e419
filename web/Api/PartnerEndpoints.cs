using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HomeService.Web.Api;

/// <summary>
/// The partner REST API (API key, kind "partner"): create a service order with an Idempotency-Key, read, list and
/// cancel the partner's own orders. A retried create with the same key returns the same order; a retried cancel, the cancelled order.
/// </summary>
public static class PartnerEndpoints
{
    public static RouteGroupBuilder MapPartnerEndpoints(this RouteGroupBuilder api)
    {
        var partner = api.MapGroup("/partner/orders").WithTags("Partner API").RequireAuthorization(Policies.Partner).DisableAntiforgery();
        partner.MapPost("/", Create);
        partner.MapGet("/", async (int? page, int? pageSize, string? status, ClaimsPrincipal user, OrderSearch search) =>
            TypedResults.Ok(await search.Find(new OrderSearch.Filter(null, status, null, null, null, null, null, null, null, null,
                Page: page ?? 1, PageSize: pageSize ?? 50, CreatedBy: Owner(user)))));
        partner.MapGet("/{orderNo}", async (string orderNo, ClaimsPrincipal user, IGrainFactory grains) =>
            await Own(orderNo, user, grains) is { } view ? (Results<Ok<WorkOrderView>, ProblemHttpResult>)TypedResults.Ok(view) : NotFound());
        partner.MapPost("/{orderNo}/cancel", Cancel);

        var hooks = api.MapGroup("/partner/webhooks").WithTags("Partner API").RequireAuthorization(Policies.Partner).DisableAntiforgery();
        hooks.MapPost("/", async (WebhookRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
        {
            var result = await grains.GetGrain<IPartnerWebhooksGrain>(Partner(user)).Subscribe(body.Url ?? "");
            return result.Succeeded
                ? (Results<Created<WebhookSubscription>, ValidationProblem>)TypedResults.Created($"/api/partner/webhooks/{result.Value!.Id}", result.Value)
                : Problems.Validation(text, result.Errors!, "webhook");
        }).WithDescription("url: http or https, a public address. One inside the center's network (loopback, private, link-local, "
            + "the cloud metadata address, or a name resolving to one) is a 400 on url, and is refused again at every delivery.");
        hooks.MapGet("/", async (ClaimsPrincipal user, IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<IPartnerWebhooksGrain>(Partner(user)).List()));
        hooks.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
            await grains.GetGrain<IPartnerWebhooksGrain>(Partner(user)).Unsubscribe(id)
                ? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent()
                : Problems.Status(404, ProblemTypes.NotFound, "No such webhook."));
        return api;
    }

    public sealed record WebhookRequest(string? Url);

    private static async Task<Results<Created<WorkOrderView>, ValidationProblem>> Create(OrderEndpoints.CreateOrderRequest body,
        [FromHeader(Name = CtiEndpoints.IdempotencyHeader)] string? key, ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > IdempotencyKeys.MaxLength)
            return Problems.Validation(text, new Dictionary<string, string[]> { [CtiEndpoints.IdempotencyHeader] = ["required"] });
        var invalid = new Dictionary<string, string[]>();
        References.Limit(invalid, "district", body.District, 50);
        if (invalid.Count > 0) return Problems.Validation(text, invalid);
        var order = new NewServiceOrder("partner", null, null, body.ContactName?.Trim(), body.ContactPhone ?? "", body.Category ?? "", body.Address ?? "",
            body.District ?? "", body.WindowStart ?? default, body.WindowEnd ?? default, body.Requirements ?? new Dictionary<string, string>(), body.Notes,
            Owner(user));
        var result = await grains.GetGrain<IOrderIntakeGrain>(0).CreateServiceOnce(order, Partner(user), key);
        return result.Succeeded
            ? TypedResults.Created($"/api/partner/orders/{result.Value!.OrderNo}", result.Value)
            : Problems.Validation(text, result.Errors!, label: await RequirementLabels.For(grains, body.Category));
    }

    /// <summary>
    /// A cancel the partner retries (it timed out, or two retries raced) finds the order cancelled: it is answered with
    /// the order, as the first cancel was, rather than with a 409 the partner would have to interpret.
    /// </summary>
    private static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> Cancel(string orderNo,
        OrderEndpoints.ReasonRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (await Own(orderNo, user, grains) is null) return NotFound();
        var result = await OrderEndpoints.Act(orderNo, grains, text, o => o.CustomerCancel(body.Reason ?? "partner", Owner(user)));
        return result.Result is ProblemHttpResult { StatusCode: 409 } && await Own(orderNo, user, grains) is { Status: WorkOrderStatus.Cancelled } view
            ? TypedResults.Ok(view)
            : result;
    }

    private static async Task<WorkOrderView?> Own(string orderNo, ClaimsPrincipal user, IGrainFactory grains) =>
        orderNo.Length <= 32 && await grains.GetGrain<IWorkOrderGrain>(orderNo).Get() is { } view && view.CreatedBy == Owner(user) ? view : null;

    /// <summary>
    /// The partner the key speaks for. Orders, webhooks and idempotency keys belong to the partner, so a rotated key keeps
    /// seeing what the old one made and no partner ever sees another's (a key from before partner ids speaks for its key id).
    /// </summary>
    private static string Partner(ClaimsPrincipal user) => user.Find(HomeServiceClaims.PartnerId)!;

    private static string Owner(ClaimsPrincipal user) => $"partner:{Partner(user)}";

    private static ProblemHttpResult NotFound() => Problems.Status(404, ProblemTypes.NotFound, "No such order for this partner.");
}
