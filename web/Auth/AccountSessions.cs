using HomeService.Identity;
using HomeService.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HomeService.Web.Auth;

/// <summary>
/// Ends a cookie session as soon as its account is disabled, deleted from the cluster's view, or has a new security stamp
/// (password changed or reset, roles changed). Checked on every request against the account grain, which answers from
/// memory, so every web host refuses the old cookie within one request of the change.
/// </summary>
public static class AccountSessions
{
    public static async Task Validate(CookieValidatePrincipalContext ctx)
    {
        var login = ctx.Principal?.Identity?.Name;
        var account = string.IsNullOrEmpty(login)
            ? null
            : await ctx.HttpContext.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IUserAccountGrain>(login).Get();
        var stamp = ctx.Principal?.Find(HomeServiceClaims.SecurityStamp) ?? "";
        if (account is not null && !account.Disabled && account.SecurityStamp == stamp) return;
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Someone signed in with a one-time password may do nothing but choose their own: pages lead to the change form,
    /// API calls get 403 with a problem type that says why.
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Find(HomeServiceClaims.MustChangePassword) is null || IsOpen(http.Request.Path))
        {
            await next(http);
            return;
        }
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs"))
        {
            var result = Problems.Status(403, ProblemTypes.PasswordChangeRequired, "Change the one-time password first: POST /api/account/password.");
            await result.ExecuteAsync(http);
            return;
        }
        http.Response.Redirect(PasswordPage);
    });

    public const string PasswordPage = "/account/password";

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments(PasswordPage) || path.StartsWithSegments("/api/account/password")
        || path.StartsWithSegments("/account/setup") || path.StartsWithSegments("/api/account/setup") || path.StartsWithSegments("/logout")
        || path.StartsWithSegments("/api/session") || path.StartsWithSegments("/culture") || path.StartsWithSegments("/healthz")
        || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/Error");
}
