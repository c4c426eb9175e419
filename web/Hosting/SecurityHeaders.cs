namespace HomeService.Web.Hosting;

/// <summary>
/// The browser-side guards every answer carries (pages, API, static files, errors): a Content-Security-Policy that runs
/// only our own script files, no sniffing, no framing by other sites, a short referrer, and HSTS over HTTPS.
/// Written when the response starts, so the exception handler and the status-code pages (which clear headers) keep them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from our files (no inline code, no eval). Style attributes stay allowed: ECharts' tooltips and
    /// Swagger UI write them. 'self' in connect-src covers the same-origin WebSocket of SignalR (CSP level 3). Frames:
    /// only our own (the admin's merchant review shows an applicant's PDF in an iframe), and only our pages may frame us.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; connect-src 'self'; font-src 'self'; frame-src 'self'; frame-ancestors 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>One year; sent only on HTTPS answers, as RFC 6797 asks (a plain-HTTP answer cannot be trusted with it).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <param name="sipWebSocketOrigin">The SIP edge the agent's browser phone registers with (sip gateway): the one
    /// foreign address a page may connect to.</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? sipWebSocketOrigin = null)
    {
        var policy = sipWebSocketOrigin is null ? ContentSecurityPolicy
            : ContentSecurityPolicy.Replace("connect-src 'self';", $"connect-src 'self' {sipWebSocketOrigin};");
        return app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "SAMEORIGIN"; // matches frame-ancestors 'self' for browsers without CSP level 2
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                if (http.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
                return Task.CompletedTask;
            });
            return next(http);
        });
    }
}
