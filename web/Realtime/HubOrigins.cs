using HomeService.Web.Api;
using HomeService.Web.Hosting;
using HomeService.Web.Localization;

namespace HomeService.Web.Realtime;

/// <summary>
/// Cross-site WebSocket hijacking guard of the hubs. The hub is signed in by cookie, and a WebSocket handshake is not
/// bound by CORS: a page of another origin (a same-site sibling host, which SameSite=Lax lets the cookie reach) could
/// open /hubs/live as the signed-in person and read their pushes. A browser always names the page's origin in
/// <c>Origin</c>, so a hub request whose Origin is present and is neither this site's own (the request's scheme and
/// host) nor one of "HomeService:Web:AllowedOrigins" is refused with 403 before negotiate or connect runs.
/// No Origin at all is a non-browser client (the .NET SignalR client of the tests and the bench): allowed.
/// </summary>
public static class HubOrigins
{
    public const string Setting = "HomeService:Web:AllowedOrigins";
    public const string PathPrefix = "/hubs";

    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app, IConfiguration config)
    {
        var allowed = ListSetting.Read(config, Setting).Select(Parse).ToList();
        return app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(PathPrefix) && !IsAllowed(http.Request, allowed))
            {
                var text = http.RequestServices.GetRequiredService<UiText>();
                await Problems.Status(StatusCodes.Status403Forbidden, ProblemTypes.ForeignOrigin, text["problem.foreign-origin"]).ExecuteAsync(http);
                return;
            }
            await next(http);
        });
    }

    public static bool IsAllowed(HttpRequest request, IReadOnlyList<Uri> allowed)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        // "null" (a sandboxed frame, a file page) or anything unparsable names no origin we could trust.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var given)) return false;
        return Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out var own) && SameOrigin(given, own)
            || allowed.Any(a => SameOrigin(given, a));
    }

    /// <summary>Scheme, host and port, the default port spelled or not, letter case ignored.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static Uri Parse(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
            ? uri
            : throw new InvalidOperationException($"{Setting}: '{origin}' is not an origin such as https://desk.example.com.");
}
