using System.Net;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;
using HomeService.Tests.Reliability;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// A supervisor runs a voice notice (IVR外呼) from /campaigns: a bad number is named in Chinese and nothing is created;
/// the campaign starts, the switch dials, the callee presses 1, and the page shows the answer live, the number masked.
/// </summary>
public sealed class CampaignBrowserTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task A_supervisor_creates_starts_and_follows_a_voice_notice_on_the_campaigns_page() => InBrowser(async session =>
    {
        var page = await session.Open(Web, "supervisor");
        await SignIn(page, "supervisor");
        await IsOn(page, "/supervisor");
        await page.Locator("#nav-campaigns").ClickAsync();
        await IsOn(page, "/campaigns");

        var form = page.Locator("#new-campaign");
        await form.Locator("#name").FillAsync("停水通知");
        await form.Locator("input[name='kind'][value='notice']").CheckAsync();
        await form.Locator("#numbers").FillAsync("13655550021\n12345");
        await form.Locator("#prompt").FillAsync("明日上午小区停水，知悉请按1。");
        await form.Locator("#allowedFrom").FillAsync("00:00");
        await form.Locator("#allowedTo").FillAsync("00:00"); // equal: any hour, so the test does not depend on the clock
        await page.Locator("#create-campaign").ClickAsync();
        await Expect(page.Locator("#numbers-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#numbers-error")).ToContainTextAsync("号码列表");
        Assert.Equal(0L, await Deployment.Scalar<long>("SELECT count(*) FROM ivr_campaign"));

        await page.Locator("#numbers").FillAsync("13655550021");
        await page.Locator("#create-campaign").ClickAsync();
        await Expect(page.Locator("#campaign")).ToHaveAttributeAsync("data-status", "Draft");
        var campaignId = new Uri(page.Url).AbsolutePath.Split('/').Last();
        await Expect(page.Locator("#campaign-targets tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#campaign-targets tbody tr td").First).ToHaveTextAsync("136****0021");

        await page.Locator("#start-campaign").ClickAsync();
        await Expect(page.Locator("#campaign")).ToHaveAttributeAsync("data-status", "Running");
        await Expect(page.Locator("#pause-campaign")).ToBeVisibleAsync();
        await LiveConnectionIsUp(page);
        await page.EvaluateAsync("() => window.__sameDocument = true");

        // The switch dials; the callee answers and presses 1.
        var sim = Deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>();
        SwitchCommand? dialled = null;
        await Eventually.True(() => Task.FromResult((dialled = sim.Commands.FirstOrDefault(c => c.Command == "originate"
            && c.Argument!.EndsWith($"campaign:{campaignId}"))) is not null), TimeSpan.FromSeconds(30), "the switch is asked to dial");
        using var telephony = new SwitchClient(Web);
        // The platform records the call once the switch has named it; an event before that is 404 and retried (telephony §10.10).
        await Eventually.True(async () => (await telephony.Send($"/api/cti/calls/{dialled!.CallId}/answered", new { seat = (string?)null }, "answered"))
            .StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10), "the answer is taken");
        Assert.Equal(HttpStatusCode.OK, (await telephony.Dtmf(dialled!.CallId, "1", "1")).StatusCode);

        // The page follows by push: the answer, the key and the finished campaign, without a reload.
        await Expect(page.Locator("#campaign")).ToHaveAttributeAsync("data-status", "Finished");
        var row = page.Locator("#campaign-targets tbody tr").First;
        await Expect(row.Locator("td.result")).ToHaveTextAsync("已应答");
        await Expect(row.Locator("td").Last).ToHaveTextAsync("1");
        await Expect(page.Locator("#campaign .status")).ToHaveTextAsync("已完成");
        await Expect(page.Locator("#pause-campaign")).ToBeHiddenAsync();
        await Expect(page.Locator("#start-campaign")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page reloaded instead of taking the pushes");

        await Go(page, "/campaigns");
        await Expect(page.Locator($"#campaigns tr[data-campaign-id='{campaignId}'] td.status")).ToHaveTextAsync("已完成");
        Assert.Empty(session.ScriptErrors(page));
    });

}
