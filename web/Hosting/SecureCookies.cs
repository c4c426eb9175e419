using Microsoft.AspNetCore.CookiePolicy;

namespace HomeService.Web.Hosting;

/// <summary>
/// Every cookie the app sets (sign-in, antiforgery, request token, language) is marked Secure when the request came
/// over HTTPS, so it never travels in clear afterwards; over plain HTTP (development, tests) it could not be sent back.
/// </summary>
public static class SecureCookies
{
    public static IApplicationBuilder UseSecureCookies(this IApplicationBuilder app) =>
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest, HttpOnly = HttpOnlyPolicy.None });
}
