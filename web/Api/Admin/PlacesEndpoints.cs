using System.Security.Claims;
using HomeService.Places;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>
/// 区域与街道: the city's districts and their streets. Admins only. A renamed district keeps its old name as a former
/// one, so orders, addresses and merchants' service areas that carry it stay valid; a retired one takes no new orders.
/// </summary>
public static class PlacesEndpoints
{
    public sealed record NewDistrictRequest(string? Code, string? NameZh, string? NameEn, int? SortOrder);

    /// <summary>New names or place; sortOrder left out stays as it is.</summary>
    public sealed record DistrictChange(string? NameZh, string? NameEn, int? SortOrder);

    /// <summary>A street's names; the English one may be left empty.</summary>
    public sealed record StreetRequest(string? NameZh, string? NameEn);

    public static RouteGroupBuilder MapPlacesEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/places").RequireAuthorization(Policies.Admin).WithTags("Back office: districts and streets");
        group.MapGet("", async (IGrainFactory grains) => TypedResults.Ok(await Places(grains).GetAll()));
        group.MapPost("/districts", AddDistrict);
        group.MapPut("/districts/{district}", EditDistrict);
        group.MapPost("/districts/{district}/retire", (string district, CatalogueAdminEndpoints.Reason body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            Answer(Places(grains).SetDistrictActive(district, false, body.Text, AccountCommands.Actor(user)), text));
        group.MapPost("/districts/{district}/reinstate", (string district, CatalogueAdminEndpoints.Reason body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            Answer(Places(grains).SetDistrictActive(district, true, body.Text, AccountCommands.Actor(user)), text));
        group.MapPost("/districts/{district}/streets", AddStreet);
        // A street's code names it in the whole city ("jinshui-3"), so its own address needs no district.
        group.MapPut("/streets/{street}", (string street, StreetRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            Answer(Places(grains).RenameStreet(street, new StreetNames(body.NameZh ?? "", body.NameEn ?? ""), AccountCommands.Actor(user)), text));
        group.MapPost("/streets/{street}/retire", (string street, CatalogueAdminEndpoints.Reason body, ClaimsPrincipal user, IGrainFactory grains,
            UiText text) => Answer(Places(grains).SetStreetActive(street, false, body.Text, AccountCommands.Actor(user)), text));
        group.MapPost("/streets/{street}/reinstate", (string street, CatalogueAdminEndpoints.Reason body, ClaimsPrincipal user, IGrainFactory grains,
            UiText text) => Answer(Places(grains).SetStreetActive(street, true, body.Text, AccountCommands.Actor(user)), text));
        return api;
    }

    private static ICityPlacesGrain Places(IGrainFactory grains) => grains.GetGrain<ICityPlacesGrain>(0);

    private static async Task<Results<Created<District>, ValidationProblem>> AddDistrict(NewDistrictRequest body, ClaimsPrincipal user,
        IGrainFactory grains, UiText text)
    {
        var result = await Places(grains).AddDistrict(new NewDistrict(body.Code ?? "", body.NameZh ?? "", body.NameEn ?? "", body.SortOrder),
            AccountCommands.Actor(user));
        if (!result.Succeeded) return Problems.Validation(text, result.Errors!, "place");
        return TypedResults.Created($"/api/admin/places/districts/{result.Value!.Code}", result.Value);
    }

    private static async Task<Results<Ok<District>, ValidationProblem, ProblemHttpResult>> EditDistrict(string district, DistrictChange body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        var current = (await Places(grains).GetAll()).Districts.FirstOrDefault(d => d.Code == district);
        if (current is null) return NotFound(text);
        return await Answer(Places(grains).EditDistrict(district, new DistrictEdit(body.NameZh ?? "", body.NameEn ?? "", body.SortOrder ?? current.SortOrder),
            AccountCommands.Actor(user)), text);
    }

    private static async Task<Results<Created<District>, ValidationProblem, ProblemHttpResult>> AddStreet(string district, StreetRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        var result = await Places(grains).AddStreet(district, new StreetNames(body.NameZh ?? "", body.NameEn ?? ""), AccountCommands.Actor(user));
        if (IsUnknown(result)) return NotFound(text);
        if (!result.Succeeded) return Problems.Validation(text, result.Errors!, "street");
        return TypedResults.Created($"/api/admin/places/districts/{district}", result.Value!);
    }

    private static async Task<Results<Ok<District>, ValidationProblem, ProblemHttpResult>> Answer(Task<CommandResult<District>> command, UiText text)
    {
        var result = await command;
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        return IsUnknown(result) ? NotFound(text) : Problems.Validation(text, result.Errors!, "place");
    }

    /// <summary>A district or street the address names that does not exist: the resource is missing, not a field wrong.</summary>
    private static bool IsUnknown(CommandResult<District> result) =>
        result.Errors is { } e && new[] { "code", "district", "street" }.Any(f => e.TryGetValue(f, out var codes) && codes.Contains("unknown"));

    private static ProblemHttpResult NotFound(UiText text) => Problems.Status(404, ProblemTypes.NotFound, text["place.unknown"]);
}
