using System.Security.Claims;
using HomeService.Web.Auth;

namespace HomeService.Web.Api;

public static class ApiKeyEndpoints
{
    /// <summary>The key's name and kind, and for a partner key the partner it speaks for.</summary>
    public sealed record KeyIdentity(string Name, string Kind, string? PartnerId);

    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        // Lets a partner or the telephony adapter check its key before it sends real traffic.
        api.MapGet("/keys/whoami", (ClaimsPrincipal user) =>
                TypedResults.Ok(new KeyIdentity(user.Identity!.Name!, user.Find(HomeServiceClaims.ApiKeyKind)!, user.Find(HomeServiceClaims.PartnerId))))
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireClaim(HomeServiceClaims.ApiKeyKind))
            .WithTags("API keys");
        return api;
    }
}
