using HomeService.Web.Data;

namespace HomeService.Web.Api;

/// <summary>
/// The service catalogue (业务属性定义) and the city's districts and streets as forms offer them, read by anyone.
/// Admins change both under /api/admin/catalogue and /api/admin/places.
/// </summary>
public static class CatalogueEndpoints
{
    public sealed record StreetView(string Code, string NameZh, string NameEn);

    public sealed record DistrictView(string Code, string NameZh, string NameEn, IReadOnlyList<StreetView> Streets);

    public static RouteGroupBuilder MapCatalogueEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/catalogue", async (CatalogueReader catalogue) => TypedResults.Ok(await catalogue.GetTree()))
            .AllowAnonymous().WithTags("Catalogue");
        // From this web host's copy in memory: the open districts in menu order with their open streets. A page that was
        // pushed a change passes its version, so it never reads a copy older than the change it was told of.
        api.MapGet("/places", async (LivePlaces places, long? version) => TypedResults.Ok((await places.AtLeast(version ?? 0)).Districts.Where(d => d.Active)
                .Select(d => new DistrictView(d.Code, d.NameZh, d.NameEn,
                    d.Streets.Where(s => s.Active).Select(s => new StreetView(s.Code, s.NameZh, s.NameEn)).ToList()))
                .ToList()))
            .AllowAnonymous().WithTags("Catalogue");
        return api;
    }
}
