using System.Net;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Web;

/// <summary>
/// Every kind of answer (a page, an API answer, a static file, a 404 of each kind, a refused API call) carries the
/// browser-side guards: a CSP that runs no inline script, nosniff, no framing by other sites, a short referrer, and no
/// Server header naming the product. Over plain HTTP there is no HSTS.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class SecurityHeadersTests(SharedDeployment shared)
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/catalogue", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/js/request-token.js", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("/api/me", HttpStatusCode.Unauthorized)]
    public async Task An_answer_carries_the_security_headers_and_no_server_name(string path, HttpStatusCode status)
    {
        using var anonymous = WebSession.Anonymous(shared.WebA);
        var response = await anonymous.Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);

        var csp = Single(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal(["'self'"], directives["frame-ancestors"]);
        Assert.Equal(["'self'"], directives["base-uri"]);
        Assert.Equal(["'self'"], directives["form-action"]);
        Assert.Equal(["'self'"], directives["connect-src"]);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("SAMEORIGIN", Single(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(",", response.Headers.Server)}");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
    }

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values
            : response.Content.Headers.TryGetValues(name, out var content) ? content : []);
}
