using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Auth;

/// <summary>
/// The antiforgery request token for the pages' scripts, handed over as ASP.NET Core's docs describe for script clients:
/// a cookie the page's script can read (another site can neither read it nor set our header), sent back in
/// <see cref="Header"/> on every write (wwwroot/js/request-token.js). The token is bound to the signed-in account, so it
/// is issued again with every sign-in and with every page a signed-in person opens.
/// </summary>
public static class RequestToken
{
    public const string Header = "X-Request-Token";
    public const string Cookie = "HomeService.RequestToken";
    /// <summary>The script that adds the header to every same-origin write; the layout and the API reference load it first.</summary>
    public const string Script = "/js/request-token.js";

    /// <summary>Issues a token for <paramref name="http"/>'s current user (set it to a new principal first on sign-in).</summary>
    public static void Issue(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        http.Response.Cookies.Append(Cookie, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false, // read by the page's script: that is the point
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Secure = http.Request.IsHttps,
        });
    }

    /// <summary>
    /// Drops the token at sign-out: bound to the account that left, it would only make the next person's form posts
    /// through script fail (Razor Pages read the header before the form field).
    /// </summary>
    public static void Forget(HttpContext http)
    {
        if (http.Request.Cookies.ContainsKey(Cookie)) http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
    }

    /// <summary>
    /// A page opened by a signed-in person renews the token, so the scripts on it always hold one for that account; a page
    /// opened by nobody drops one left from an earlier session that ended without a sign-out (it expired).
    /// </summary>
    public static IApplicationBuilder UseRequestTokenForPages(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (HttpMethods.IsGet(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        {
            if (CookieWrites.SignedInByCookie(http.User)) Issue(http);
            else Forget(http);
        }
        return next(http);
    });
}
