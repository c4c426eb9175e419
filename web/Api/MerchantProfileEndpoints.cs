using System.Security.Claims;
using HomeService.Merchants;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// A merchant's own information (商户信息管理) and the public merchant lookup (加盟企业查询). An edit reaches the next
/// dispatch ranking and the agents' open lookups at once.
/// </summary>
public static class MerchantProfileEndpoints
{
    public sealed record ProfileRequest(string? ContactName, string? ContactPhone, string? Address, IReadOnlyList<string>? Categories,
        IReadOnlyList<string>? Districts, string? BusinessHours, int? Capacity);

    public static RouteGroupBuilder MapMerchantProfileEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/merchants", async (string? q, string? category, string? district, MerchantLookupReader reader) =>
            TypedResults.Ok(await reader.Search(q, category, district))).AllowAnonymous().WithTags("Merchant lookup");
        api.MapGet("/merchants/all", async (string? q, string? category, string? district, MerchantLookupReader reader) =>
            TypedResults.Ok(await reader.Search(q, category, district, withSuspended: true))).RequireAuthorization(Policies.CallCenter).WithTags("Merchant lookup");
        var profile = api.MapGroup("/merchant/profile").WithTags("Merchant portal").RequireAuthorization(Policies.MerchantAdmin);
        profile.MapGet("", async (ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            await grains.GetGrain<IMerchantGrain>(user.MerchantOf()).Get() is { } view
                ? (Results<Ok<MerchantView>, ProblemHttpResult>)TypedResults.Ok(view)
                : Problems.Status(404, ProblemTypes.NotFound, text["merchant.unknown"]));
        profile.MapPut("", Edit);
        return api;
    }

    private static async Task<Results<Ok<MerchantView>, ValidationProblem, ProblemHttpResult>> Edit(ProfileRequest body, ClaimsPrincipal user,
        IGrainFactory grains, UiText text)
    {
        if (body.Capacity is null) return Problems.Validation(text, new Dictionary<string, string[]> { ["capacity"] = ["required"] }, "merchant");
        var edit = new MerchantProfileEdit(body.ContactName ?? "", body.ContactPhone ?? "", body.Address ?? "", body.Categories ?? [], body.Districts ?? [],
            body.BusinessHours, body.Capacity.Value);
        var result = await grains.GetGrain<IMerchantGrain>(user.MerchantOf()).EditProfile(edit, $"merchant:{user.MerchantOf()}");
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        return result.Errors!.ContainsKey("merchantId")
            ? Problems.Status(404, ProblemTypes.NotFound, text["merchant.unknown"])
            : Problems.Validation(text, result.Errors!, "merchant");
    }
}
