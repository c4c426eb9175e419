using HomeService.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

public static class CatalogueEndpoints
{
    public static RouteGroupBuilder MapCatalogueEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/catalogue", async (CatalogueReader catalogue) => TypedResults.Ok(await catalogue.GetTree()))
            .AllowAnonymous().WithTags("Catalogue");
        return api;
    }
}
