using HomeService.Web.Api;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace HomeService.Web.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddHomeServiceAuth(this IServiceCollection services, WebSettings settings)
    {
        // Every web host and silo shares one key ring, so a cookie issued by one is read by all.
        var dp = services.AddDataProtection().SetApplicationName("HomeService");
        if (!string.IsNullOrEmpty(settings.DataProtectionKeysPath)) dp.PersistKeysToFileSystem(new DirectoryInfo(settings.DataProtectionKeysPath));

        services.AddScoped<SignInService>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = ".HomeService.Auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(10); // one shift
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = AccountSessions.Validate;
                o.Events.OnSigningOut = ctx =>
                {
                    RequestToken.Forget(ctx.HttpContext); // every way out: the API, the /logout form, an ended session
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToLogin = ctx => IsMachineRequest(ctx.Request)
                    ? WriteProblem(ctx.HttpContext, 401, ProblemTypes.Unauthenticated, "Sign in first.")
                    : Redirect(ctx);
                o.Events.OnRedirectToAccessDenied = ctx => IsMachineRequest(ctx.Request)
                    ? WriteProblem(ctx.HttpContext, 403, ProblemTypes.Forbidden, "Your role may not do this.")
                    : Redirect(ctx);
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);

        services.AddAuthorization(Policies.Add);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".HomeService.Antiforgery";
            o.HeaderName = RequestToken.Header; // the pages' scripts send it (CookieWrites)
            o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends one for every answer
        });
        return services;
    }

    /// <summary>Pages are closed by default; each landing page needs its role.</summary>
    public static void AddHomeServicePageAuthorization(this PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/");
        pages.AllowAnonymousToPage("/Index");
        pages.AllowAnonymousToFolder("/Site"); // the public site: services, merchants, search
        pages.AllowAnonymousToPage("/Login");
        pages.AllowAnonymousToPage("/Denied");
        pages.AllowAnonymousToPage("/Error");
        pages.AllowAnonymousToPage("/Join"); // companies apply before they have an account
        pages.AllowAnonymousToPage("/MemberRegister"); // residents sign up and reset their password by SMS code
        pages.AllowAnonymousToPage("/MemberReset");
        pages.AllowAnonymousToPage("/Account/Setup"); // a merchant's administrator sets a first password from the SMS link
        pages.AllowAnonymousToPage("/News"); // the information center and the FAQ are public
        pages.AllowAnonymousToPage("/NewsArticle");
        pages.AllowAnonymousToPage("/Faq");
        pages.AllowAnonymousToPage("/ApiGuide"); // partners' developers read it before they have a key
        pages.AuthorizePage("/Console", Policies.Agent);
        pages.AuthorizePage("/Wallboard", Policies.Supervisor);
        pages.AuthorizePage("/Supervisor", Policies.SupervisorSeat);
        pages.AuthorizePage("/Recordings", Policies.CallCenter);
        pages.AuthorizePage("/Campaigns", Policies.Supervisor);
        pages.AuthorizePage("/Campaign", Policies.Supervisor);
        pages.AuthorizePage("/Merchant", Policies.MerchantDesk);
        pages.AuthorizePage("/Worker", Policies.Worker);
        pages.AuthorizePage("/Member", Policies.Resident);
        // The whole back office is for admins, but for the pages supervisors may read (what callers hear); such a page
        // refuses every post from anyone but an admin itself.
        pages.AddFolderApplicationModelConvention("/Admin", page => page.EndpointMetadata.Add(
            new AuthorizeAttribute(SupervisorReadable.Contains(page.ViewEnginePath) ? Policies.Supervisor : Policies.Admin)));
    }

    /// <summary>Back-office pages a supervisor may open read-only.</summary>
    public static readonly IReadOnlySet<string> SupervisorReadable = new HashSet<string> { "/Admin/CallCenter/IvrFlow" };

    private static bool IsMachineRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task WriteProblem(HttpContext http, int status, string type, string title)
    {
        ProblemHttpResult result = TypedResults.Problem(statusCode: status, type: type, title: title);
        return result.ExecuteAsync(http);
    }
}
