using System.Security.Claims;
using HomeService.Credit;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// Credit (信用评价): a merchant reads its own score, level and every change with its reason, and appeals an upheld
/// complaint's penalty within the appeal window; admins read any merchant's credit and decide appeals.
/// </summary>
public static class CreditEndpoints
{
    /// <summary>Trend: the score at the end of each day it changed over the last 180 days (Beijing days), oldest first.</summary>
    public sealed record CreditPage(CreditSummary Summary, IReadOnlyList<CreditReader.ChangeRow> Changes, IReadOnlyList<CreditReader.TrendPoint> Trend);
    public sealed record AppealRequest(string? PenaltyId);
    public sealed record AppealDecisionRequest(string? MerchantId, string? PenaltyId, bool? Granted, string? Reason);

    public static RouteGroupBuilder MapCreditEndpoints(this RouteGroupBuilder api)
    {
        var merchant = api.MapGroup("/merchant/credit").WithTags("Credit").RequireAuthorization(Policies.MerchantAdmin);
        merchant.MapGet("", (ClaimsPrincipal user, IGrainFactory grains, CreditReader reader) => Page(user.MerchantOf(), grains, reader));
        merchant.MapPost("/appeals", Appeal);
        var admin = api.MapGroup("/admin/credit").WithTags("Credit").RequireAuthorization(Policies.Admin);
        admin.MapGet("/merchants/{merchantId}", (string merchantId, IGrainFactory grains, CreditReader reader) => Page(merchantId, grains, reader));
        admin.MapPost("/appeals/decision", Decide);
        return api;
    }

    private static async Task<Ok<CreditPage>> Page(string merchantId, IGrainFactory grains, CreditReader reader) =>
        TypedResults.Ok(new CreditPage(await grains.GetGrain<ICreditGrain>($"merchant:{merchantId}").Get(), await reader.Changes("merchant", merchantId),
            await reader.Trend("merchant", merchantId)));

    private static async Task<Results<Ok<CreditSummary>, ValidationProblem>> Appeal(AppealRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (string.IsNullOrWhiteSpace(body.PenaltyId) || body.PenaltyId.Length > 64)
            return Problems.Validation(text, new Dictionary<string, string[]> { ["penaltyId"] = ["required"] }, "credit");
        var result = await grains.GetGrain<ICreditGrain>($"merchant:{user.MerchantOf()}").Appeal(body.PenaltyId, $"merchant:{user.MerchantOf()}");
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!, "credit");
    }

    private static async Task<Results<Ok<CreditSummary>, ValidationProblem>> Decide(AppealDecisionRequest body, ClaimsPrincipal user, IGrainFactory grains,
        UiText text)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.MerchantId) || body.MerchantId.Length > 32) errors["merchantId"] = ["required"];
        if (string.IsNullOrWhiteSpace(body.PenaltyId) || body.PenaltyId.Length > 64) errors["penaltyId"] = ["required"];
        if (body.Granted is null) errors["granted"] = ["required"];
        if (string.IsNullOrWhiteSpace(body.Reason)) errors["reason"] = ["required"];
        else if (body.Reason.Length > 500) errors["reason"] = ["max_length:500"];
        if (errors.Count > 0) return Problems.Validation(text, errors, "credit");
        var result = await grains.GetGrain<ICreditGrain>($"merchant:{body.MerchantId}")
            .DecideAppeal(body.PenaltyId!, body.Granted!.Value, body.Reason!.Trim(), $"admin:{user.Identity!.Name}");
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!, "credit");
    }
}
