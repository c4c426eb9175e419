using System.Security.Claims;
using HomeService.Catalogue;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// The service catalogue (业务属性定义): read by anyone, its business attributes changed by admins. A change
/// reaches new orders only; orders already taken keep the terms they were classified with.
/// </summary>
public static class CatalogueEndpoints
{
    public sealed record FieldRequest(string? Key, string? NameZh, string? NameEn, string? Type, bool? Required);
    public sealed record TermsRequest(IReadOnlyList<FieldRequest>? Fields, int? DispatchSlaMinutes, int? CompletionGraceHours,
        string? PriceGuideZh, string? PriceGuideEn, IReadOnlyList<string>? Skills, string? DescriptionZh = null, string? DescriptionEn = null,
        string? DurationZh = null, string? DurationEn = null);

    public static RouteGroupBuilder MapCatalogueEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/catalogue", async (CatalogueReader catalogue) => TypedResults.Ok(await catalogue.GetTree()))
            .AllowAnonymous().WithTags("Catalogue");
        api.MapPut("/admin/catalogue/{code}/terms", ChangeTerms).RequireAuthorization(Policies.Admin).WithTags("Catalogue");
        return api;
    }

    private static async Task<Results<Ok<ServiceCategory>, ValidationProblem, ProblemHttpResult>> ChangeTerms(string code, TermsRequest body,
        ClaimsPrincipal user, IClusterClient cluster, UiText text)
    {
        var terms = new CategoryTerms(
            (body.Fields ?? []).Select(f => new CategoryField(f.Key ?? "", f.NameZh ?? "", f.NameEn ?? "", f.Type ?? "text", f.Required ?? false)).ToList(),
            body.DispatchSlaMinutes, body.CompletionGraceHours, body.PriceGuideZh, body.PriceGuideEn, body.Skills ?? [], body.DescriptionZh, body.DescriptionEn,
            body.DurationZh, body.DurationEn);
        var result = await cluster.GetGrain<IServiceCatalogueGrain>(0).ChangeTerms(code, terms, user.Identity!.Name!);
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        return result.Errors!.ContainsKey("code")
            ? Problems.Status(404, ProblemTypes.NotFound, text["catalogue.unknown"])
            : Problems.Validation(text, result.Errors!, "terms");
    }
}
