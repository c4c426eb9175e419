using HomeService.Tests.Infrastructure;
using HomeService.Tests.Reliability;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>Only when asked for, since only people want these, not every run.</summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public ScreenshotFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("HS_SCREENSHOTS") != "1")
            Skip = "Refreshes docs/screenshots; run with HS_SCREENSHOTS=1.";
    }
}

/// <summary>
/// Renews the README's pictures in docs/screenshots/ (desktop 1280x800, Chinese) from a deployment of its own, so
/// the wallboard shows exactly one broadcast whatever else the test run posts:
/// HS_SCREENSHOTS=1 dotnet test tests/HomeService.Tests --filter "FullyQualifiedName~ReadmeScreenshots"
/// </summary>
public sealed class ReadmeScreenshots(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output), IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(Ports.RepoRoot, "docs", "screenshots");
    private TestDeployment? _deployment;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("HS_SCREENSHOTS") == "1") _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
    }

    public async Task DisposeAsync()
    {
        if (_deployment is not null) await _deployment.DisposeAsync();
    }

    [ScreenshotFact]
    public Task Home_and_wallboard() => InBrowser(async session =>
    {
        Directory.CreateDirectory(Folder);
        var web = _deployment!.WebHosts[0];

        var visitor = await session.Open(web, "visitor");
        await Go(visitor, "/");
        await Expect(visitor.Locator("#catalogue .card")).ToHaveCountAsync(9);
        await Loaded(visitor);
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Folder, "home.png") });

        var supervisor = await session.Open(web, "supervisor");
        await SignIn(supervisor, "supervisor");
        await IsOn(supervisor, "/supervisor"); // the supervisor seat; the broadcast form stays on the wallboard
        await Go(supervisor, "/wallboard");
        await supervisor.Locator("#text").FillAsync("今天下午三点全体座席例会，请提前五分钟到岗。");
        await supervisor.Locator("#minutes").FillAsync("60");
        await supervisor.Locator("#post-broadcast").ClickAsync();
        await Expect(supervisor.Locator("#broadcasts li[data-id]")).ToHaveCountAsync(1);
        await LiveConnectionIsUp(supervisor);
        await Loaded(supervisor);
        await supervisor.ScreenshotAsync(new() { Path = Path.Combine(Folder, "wallboard.png") });

        // The supervisor seat with agent1 ready and a caller waiting in the complaints queue.
        var agent = await AgentReadyAtConsole(session, web, "agent1");
        using (var telephony = new SwitchClient(web))
            (await telephony.Offer("shot-1", "13912345678", ivrChoice: "3")).EnsureSuccessStatusCode();
        await Go(supervisor, "/supervisor");
        await Expect(supervisor.Locator("#agents tr[data-status]").First).ToBeVisibleAsync();
        await LiveConnectionIsUp(supervisor);
        await Loaded(supervisor);
        await supervisor.ScreenshotAsync(new() { Path = Path.Combine(Folder, "supervisor.png"), FullPage = true });
        await Go(supervisor, "/campaigns");
        await Loaded(supervisor);
        await supervisor.ScreenshotAsync(new() { Path = Path.Combine(Folder, "campaigns.png"), FullPage = true });
        await agent.CloseAsync();
    });
}
