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
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        if (language is not null) Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }

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
}
