using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace HomeService.Tests.Infrastructure;

/// <summary>A person's browser session against one web host: a cookie jar and helpers to sign in.</summary>
public sealed partial class WebSession : IDisposable
{
    private WebSession(Uri baseAddress, string? language)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new RequestTokenHandler(this) { InnerHandler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false } })
            { BaseAddress = baseAddress };
        if (language is not null) Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }

    /// <summary>
    /// Whether writes carry the antiforgery token the server left in its script-readable cookie, as the pages' scripts
    /// (wwwroot/js/request-token.js) send it. On by default; a test turns it off to be the forged request.
    /// </summary>
    public bool SendsRequestToken { get; set; } = true;

    /// <summary>The request token the server last handed this session, or null.</summary>
    public string? RequestTokenValue =>
        Cookies.GetCookies(Http.BaseAddress!)[HomeService.Web.Auth.RequestToken.Cookie] is { } c ? Uri.UnescapeDataString(c.Value) : null;

    public static WebSession Anonymous(RunningWeb web, string? language = null) => new(web.BaseAddress, language);

    public static async Task<WebSession> SignIn(RunningWeb web, string login, string password = TestDeployment.DemoPassword)
    {
        var session = new WebSession(web.BaseAddress, null);
        var response = await session.Http.PostAsJsonAsync("/api/session", new { login, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in as {login} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    /// <summary>Reads a form page and returns its antiforgery token, as a browser would post it back.</summary>
    public async Task<string> AntiforgeryToken(string path)
    {
        var html = await Http.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    public string CookieHeader => Cookies.GetCookieHeader(Http.BaseAddress!);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Http.Dispose();

    private sealed class RequestTokenHandler(WebSession session) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var write = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.Method != HttpMethod.Options;
            if (write && session.SendsRequestToken && !request.Headers.Contains(HomeService.Web.Auth.RequestToken.Header)
                && session.RequestTokenValue is { } token)
                request.Headers.Add(HomeService.Web.Auth.RequestToken.Header, token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
