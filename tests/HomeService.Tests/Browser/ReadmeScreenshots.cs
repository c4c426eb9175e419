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
/// Renews the README's pictures in docs/screenshots/ (desktop 1280x800, the console at 1366x768, the worker on a phone;
/// Chinese) from a deployment of its own, so
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

        // The agent's console on one screen at 1366×768 with that caller's pop ringing.
        await agent.SetViewportSizeAsync(1366, 768);
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Ringing");
        await Loaded(agent);
        await agent.ScreenshotAsync(new() { Path = Path.Combine(Folder, "console.png") });
        await agent.CloseAsync();

        // The merchant's desk with a fresh offer counting down at the top, and the worker's jobs on a phone.
        using (var intake = await WebSession.SignIn(web, "agent2"))
        {
            var start = DateTimeOffset.UtcNow.AddDays(1);
            await OrderSteps.OfferedToM001(intake, new
            {
                contactName = "钱女士", contactPhone = "13612345678", category = "home-clean", district = "金水区", address = "金水区经三路 15 号",
                windowStart = start, windowEnd = start.AddHours(2), notes = "家里有猫",
            });
        }
        var merchant = await session.Open(web, "merchant1");
        await SignIn(merchant, "merchant1");
        await IsOn(merchant, "/merchant");
        await Expect(merchant.Locator("#merchant-orders tr.offer").First).ToBeVisibleAsync();
        await Loaded(merchant);
        await merchant.ScreenshotAsync(new() { Path = Path.Combine(Folder, "merchant.png") });
        var offer = merchant.Locator("#merchant-orders tr.offer").First;
        await offer.Locator(".accept").ClickAsync();
        var accepted = merchant.Locator("#merchant-orders tr[data-status='Accepted']").First;
        await accepted.Locator(".worker-select").SelectOptionAsync("W001");
        await accepted.Locator(".assign").ClickAsync();

        var worker = await session.Open(web, "worker1", viewport: new() { Width = 375, Height = 812 }, mobile: true);
        await SignIn(worker, "worker1");
        await IsOn(worker, "/worker");
        await Expect(worker.Locator("body")).ToHaveAttributeAsync("data-worker", "ready");
        await Expect(worker.Locator("#jobs li[data-status='WorkerAssigned']")).ToHaveCountAsync(1);
        await Loaded(worker);
        await worker.ScreenshotAsync(new() { Path = Path.Combine(Folder, "worker.png") });
    });
}
