using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HomeService.Tests.Browser;

/// <summary>
/// Base of the browser tests. A test runs its body through <see cref="InBrowser"/>, which hands it a
/// <see cref="BrowserSession"/> for opening pages (each in its own context: one person, one profile).
/// When the body fails, every open page is saved as a PNG under tests/HomeService.Tests/TestResults/screenshots/
/// (gitignored), named after the test, and the path, address and any script errors go to the test output.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("HS_SCREENSHOT_DIR") is { Length: > 0 } dir ? dir
            : Path.Combine(Ports.RepoRoot, "tests", "HomeService.Tests", "TestResults", "screenshots");

    protected BrowserFixture Browser { get; } = browser;
    protected ITestOutputHelper Output { get; } = output;

    protected async Task InBrowser(Func<BrowserSession, Task> body, string? variant = null, [CallerMemberName] string test = "")
    {
        await using var session = new BrowserSession(Browser);
        try
        {
            await body(session);
        }
        catch (Exception failure)
        {
            var name = variant is null ? $"{GetType().Name}.{test}" : $"{GetType().Name}.{test}.{variant}";
            await session.SaveScreenshots(name, Output);
            Output.WriteLine($"Failed: {failure.Message}");
            throw;
        }
    }

    /// <summary>
    /// Opens a path and returns once the new document is committed; the test then waits for what it wants to see.
    /// Nothing here waits for the page's "load" event: a WaitForURLAsync (which waits for "load" by default) once
    /// timed out after the sign-in post and redirect although the page was complete and live, with only
    /// "networkidle" seen. Waiting on the address (<see cref="IsOn"/>) and on the page's content does not depend on it.
    /// </summary>
    protected static Task Go(IPage page, string path) => page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });

    /// <summary>Waits until the page's address is <paramref name="path"/> (any query string), then checks it exactly.</summary>
    protected static async Task IsOn(IPage page, string path)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"^https?://[^/]+{Regex.Escape(path)}(\\?.*)?$"));
        Assert.Equal(path, PathOf(page));
    }

    /// <summary>The document and everything it loads (style sheets, scripts, fonts) are in, read off the page itself.</summary>
    protected static async Task Loaded(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
    }

    /// <summary>Fills the real sign-in form on /login and submits it.</summary>
    protected static async Task SignIn(IPage page, string login, string password = TestDeployment.DemoPassword)
    {
        await Go(page, "/login");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#submit").ClickAsync();
    }

    /// <summary>
    /// The newest verification code sent to <paramref name="phone"/>, read as an admin on the development SMS provider's page
    /// in its own browser context (the resident's phone, in effect), reloading until the message has arrived.
    /// </summary>
    protected static async Task<string> CodeOnDevSmsPage(BrowserSession session, RunningWeb web, string phone, int seenBefore = 0)
    {
        var admin = await session.Open(web, "admin");
        await SignIn(admin, "admin");
        await IsOn(admin, "/admin");
        var rows = admin.Locator("#sms-dev-messages tr.sms-dev-message[data-template='verification.code'] .sms-text");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Go(admin, $"/admin/sms/dev?phone={phone}");
            await Assertions.Expect(admin.Locator("h1#page-title")).ToBeVisibleAsync();
            if (await rows.CountAsync() > seenBefore)
                return Regex.Match(await rows.First.InnerTextAsync(), "验证码为([0-9]{6})").Groups[1].Value;
            await Task.Delay(300);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"No code for {phone} on /admin/sms/dev within 30 s");
    }

    /// <summary>The page's live connection (SignalR) is up: the indicator is green and the body says so.</summary>
    protected static async Task LiveConnectionIsUp(IPage page)
    {
        await Assertions.Expect(page.Locator("#live-status")).ToHaveClassAsync(new Regex(@"\bup\b"));
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "up");
    }

    /// <summary>An agent signed in at /console, live, with the seat logged in and ready (Available) to take calls.</summary>
    protected static async Task<IPage> AgentReadyAtConsole(BrowserSession session, RunningWeb web, string login)
    {
        var page = await session.Open(web, login);
        await SignIn(page, login);
        await IsOn(page, "/console");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-console", "ready");
        await LiveConnectionIsUp(page);
        await page.Locator("#seat-login").ClickAsync();
        await Assertions.Expect(page.Locator("#seat")).ToHaveAttributeAsync("data-status", "NotReady");
        await page.Locator("#seat-ready").ClickAsync();
        await Assertions.Expect(page.Locator("#seat")).ToHaveAttributeAsync("data-status", "Available");
        return page;
    }

    protected static string PathOf(IPage page) => new Uri(page.Url).AbsolutePath;

    /// <summary>
    /// The header a write through the context's request API (the person's cookies, but no page script) needs, as the
    /// page's request-token.js would add it: the antiforgery token from the script-readable cookie.
    /// </summary>
    protected static async Task<Dictionary<string, string>> RequestTokenHeader(IPage page)
    {
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == HomeService.Web.Auth.RequestToken.Cookie);
        return new() { [HomeService.Web.Auth.RequestToken.Header] = Uri.UnescapeDataString(cookie.Value) };
    }
}

/// <summary>The contexts and pages one test opened; closed when the test ends.</summary>
public sealed class BrowserSession(BrowserFixture browser) : IAsyncDisposable
{
    private readonly List<(string Who, IBrowserContext Context, IPage Page, List<string> Errors)> _pages = [];

    /// <summary>A page in a fresh context (no cookies) against <paramref name="web"/>; <paramref name="who"/> names it in failure reports.</summary>
    public async Task<IPage> Open(RunningWeb web, string who, string locale = "zh-CN", ViewportSize? viewport = null, bool mobile = false,
        bool javaScript = true)
    {
        var context = await browser.NewContext(web.BaseAddress, locale, viewport, mobile, javaScript);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        _pages.Add((who, context, page, errors));
        return page;
    }

    /// <summary>Uncaught script errors seen so far on the page.</summary>
    public IReadOnlyList<string> ScriptErrors(IPage page)
    {
        var errors = _pages.Single(p => p.Page == page).Errors;
        lock (errors) return errors.ToList();
    }

    internal async Task SaveScreenshots(string test, ITestOutputHelper output)
    {
        Directory.CreateDirectory(BrowserTest.ScreenshotFolder);
        foreach (var (who, _, page, errors) in _pages)
        {
            var file = Path.Combine(BrowserTest.ScreenshotFolder, Safe(_pages.Count == 1 ? $"{test}.png" : $"{test}-{who}.png"));
            try
            {
                await page.ScreenshotAsync(new() { Path = file, FullPage = true, Timeout = 5_000 });
                var state = await page.EvaluateAsync<string>("() => document.readyState").WaitAsync(TimeSpan.FromSeconds(2));
                output.WriteLine($"Screenshot of {who} at {page.Url} (document {state}): {file}");
            }
            catch (Exception e)
            {
                output.WriteLine($"No screenshot of {who} at {page.Url}: {e.Message}");
            }
            lock (errors) foreach (var error in errors) output.WriteLine($"Script error on {who}'s page: {error}");
        }
    }

    private static string Safe(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is ' ' or ',' or '"' ? '_' : c));

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, context, _, _) in _pages)
        {
            try { await context.CloseAsync(); } catch { }
        }
    }
}
