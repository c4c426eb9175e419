using System.Security.Claims;
using HomeService.Web.Api;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HomeService.Web.Auth;

/// <summary>
/// Cross-site request forgery guard of the API: a write (POST, PUT, PATCH, DELETE under /api) that the sign-in cookie
/// authenticates must carry the antiforgery request token in <see cref="RequestToken.Header"/>, checked by ASP.NET Core's
/// <see cref="IAntiforgery"/>. SameSite=Lax alone lets a sibling subdomain or an old browser through, and multipart posts
/// need no preflight. Untouched: API-key callers (partner, telephony: their key is a header no other site can send),
/// anonymous callers (no cookie, so nothing to ride on; the doors limit them) and sign-in itself (<see cref="Exempt"/>).
/// Runs after authorization, when the user is the one the endpoint's policy authenticated.
/// </summary>
public static class CookieWrites
{
    /// <summary>Endpoint metadata: no token wanted (sign-in, which has no session yet to protect).</summary>
    public sealed class ExemptMarker;

    public static readonly ExemptMarker Exempt = new();

    public static bool SignedInByCookie(ClaimsPrincipal user) => user.Identities.Any(i =>
        i.IsAuthenticated && i.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme);

    public static IApplicationBuilder UseCookieWriteTokens(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (NeedsToken(http) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            var text = http.RequestServices.GetRequiredService<UiText>();
            await Problems.Status(StatusCodes.Status400BadRequest, ProblemTypes.RequestToken, text["problem.request-token"]).ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private static bool NeedsToken(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
             || HttpMethods.IsTrace(http.Request.Method))
        && SignedInByCookie(http.User)
        && http.GetEndpoint()?.Metadata.GetMetadata<ExemptMarker>() is null;
}
