using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace HomeService.Silo.Hosting;

/// <summary>
/// The silo accepts the web host's sign-in cookie for the dashboard: same cookie name, same Data Protection
/// key ring and application name. People sign in on the web host; the silo only reads the cookie.
/// </summary>
public static class SharedSignIn
{
    public static IServiceCollection AddSharedSignIn(this IServiceCollection services, string? keysPath, string webLoginUrl)
    {
        var dp = services.AddDataProtection().SetApplicationName("HomeService");
        if (!string.IsNullOrEmpty(keysPath)) dp.PersistKeysToFileSystem(new DirectoryInfo(keysPath));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = ".HomeService.Auth";
                o.Events.OnRedirectToLogin = ctx =>
                {
                    // Send people to the web host's login; it brings admins back to the admin page with a dashboard link.
                    ctx.Response.Redirect($"{webLoginUrl}?returnUrl=%2Fadmin");
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    // A signed-in person without the role gets the web host's refusal page (our layout, a way back), not a
                    // bare 403; the web host's denied page lives beside its login page.
                    var web = webLoginUrl.EndsWith("/login", StringComparison.Ordinal) ? webLoginUrl[..^"/login".Length] : webLoginUrl;
                    ctx.Response.Redirect($"{web}/denied?from=dashboard");
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
        return services;
    }
}
