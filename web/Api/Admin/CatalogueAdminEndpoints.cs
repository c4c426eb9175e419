using System.Security.Claims;
using HomeService.Catalogue;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>
/// 服务目录: add, edit, retire and reinstate categories, and change a category's business attributes, price guide and
/// service guide. Admins only. A change reaches new orders only; orders already taken keep the terms they were given.
/// </summary>
public static class CatalogueAdminEndpoints
{
    public sealed record FieldRequest(string? Key, string? NameZh, string? NameEn, string? Type, bool? Required, IReadOnlyList<string>? Choices = null);

    public sealed record TermsRequest(IReadOnlyList<FieldRequest>? Fields, int? DispatchSlaMinutes, int? CompletionGraceHours,
        string? PriceGuideZh, string? PriceGuideEn, IReadOnlyList<string>? Skills, string? DescriptionZh = null, string? DescriptionEn = null,
        string? DurationZh = null, string? DurationEn = null, IReadOnlyList<string>? Aliases = null);

    /// <summary>A new category; no parentCode makes a group. Without terms a category needs only the worker skill of its code.</summary>
    public sealed record NewCategoryRequest(string? Code, string? ParentCode, string? NameZh, string? NameEn, int? SortOrder, TermsRequest? Terms);

    /// <summary>A category's new state; sortOrder or terms left out stay as they are.</summary>
    public sealed record CategoryChange(string? NameZh, string? NameEn, string? ParentCode, int? SortOrder, TermsRequest? Terms);

    public sealed record Reason(string? Text);

    public static RouteGroupBuilder MapCatalogueAdminEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/catalogue").RequireAuthorization(Policies.Admin).WithTags("Back office: catalogue");
        group.MapGet("", async (IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<IServiceCatalogueGrain>(0).GetAll()));
        group.MapGet("/{code}", async Task<Results<Ok<ServiceCategory>, ProblemHttpResult>> (string code, IGrainFactory grains, UiText text) =>
            await grains.GetGrain<IServiceCatalogueGrain>(0).Get(code) is { } c ? TypedResults.Ok(c) : NotFound(text));
        group.MapPost("", Add);
        group.MapPut("/{code}", Edit);
        group.MapPut("/{code}/terms", ChangeTerms);
        group.MapPost("/{code}/retire", (string code, Reason body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            Answer(grains.GetGrain<IServiceCatalogueGrain>(0).SetActive(code, false, body.Text, AccountCommands.Actor(user)), text));
        group.MapPost("/{code}/reinstate", (string code, Reason body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            Answer(grains.GetGrain<IServiceCatalogueGrain>(0).SetActive(code, true, body.Text, AccountCommands.Actor(user)), text));
        return api;
    }

    private static async Task<Results<Created<ServiceCategory>, ValidationProblem>> Add(NewCategoryRequest body, ClaimsPrincipal user,
        IGrainFactory grains, UiText text)
    {
        var result = await grains.GetGrain<IServiceCatalogueGrain>(0).Add(
            new NewCategory(body.Code ?? "", body.ParentCode, body.NameZh ?? "", body.NameEn ?? "", body.SortOrder, body.Terms is null ? null : ToTerms(body.Terms)),
            AccountCommands.Actor(user));
        if (!result.Succeeded) return Problems.Validation(text, result.Errors!, "category");
        return TypedResults.Created($"/api/admin/catalogue/{result.Value!.Code}", result.Value);
    }

    private static async Task<Results<Ok<ServiceCategory>, ValidationProblem, ProblemHttpResult>> Edit(string code, CategoryChange body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        var catalogue = grains.GetGrain<IServiceCatalogueGrain>(0);
        if (await catalogue.Get(code) is not { } current) return NotFound(text);
        var edit = new CategoryEdit(body.NameZh ?? "", body.NameEn ?? "", body.ParentCode, body.SortOrder ?? current.SortOrder,
            body.Terms is null ? current.Terms : ToTerms(body.Terms));
        return await Answer(catalogue.Edit(code, edit, AccountCommands.Actor(user)), text);
    }

    private static Task<Results<Ok<ServiceCategory>, ValidationProblem, ProblemHttpResult>> ChangeTerms(string code, TermsRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
        Answer(grains.GetGrain<IServiceCatalogueGrain>(0).ChangeTerms(code, ToTerms(body), AccountCommands.Actor(user)), text);

    public static CategoryTerms ToTerms(TermsRequest body) => new(
        (body.Fields ?? []).Select(f => new CategoryField(f?.Key ?? "", f?.NameZh ?? "", f?.NameEn ?? "", f?.Type ?? "text", f?.Required ?? false, f?.Choices))
            .ToList(),
        body.DispatchSlaMinutes, body.CompletionGraceHours, body.PriceGuideZh, body.PriceGuideEn, body.Skills ?? [], body.DescriptionZh,
        body.DescriptionEn, body.DurationZh, body.DurationEn, body.Aliases);

    private static async Task<Results<Ok<ServiceCategory>, ValidationProblem, ProblemHttpResult>> Answer(Task<CommandResult<ServiceCategory>> command,
        UiText text)
    {
        var result = await command;
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        return result.Errors!.TryGetValue("code", out var codes) && codes.Contains("unknown")
            ? NotFound(text)
            : Problems.Validation(text, result.Errors!, "category");
    }

    private static ProblemHttpResult NotFound(UiText text) => Problems.Status(404, ProblemTypes.NotFound, text["catalogue.unknown"]);
}
