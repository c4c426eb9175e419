using System.Net.Http.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// 座席外呼 and 去电弹屏 in a real browser: the agent finds a merchant in the lookup, clicks its 外呼 button, and the
/// console pops the merchant (phone masked); a typed number with an order shows the order too, and the switch's
/// answer shows the call as connected.
/// </summary>
public sealed class OutboundConsoleTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task An_agent_calls_a_merchant_from_the_lookup_and_sees_the_outbound_pop() => InBrowser(async session =>
    {
        var page = await AgentReadyAtConsole(session, Web, "agent1");

        await page.Locator("#lookup-text").FillAsync("安心");
        await page.Locator("#lookup-form button[type=submit]").ClickAsync();
        var row = page.Locator("#lookup-results tr[data-merchant='M001']");
        await row.Locator("button[data-outbound-target='merchant']").ClickAsync();

        var pop = page.Locator("#outbound-pop");
        await Expect(pop).ToBeVisibleAsync();
        await Expect(page.Locator("#outbound-target")).ToContainTextAsync("商户 · 郑州安心家政服务有限公司");
        await Expect(page.Locator("#outbound-target")).ToContainTextAsync("037****1001");
        await Expect(page.Locator("#outbound-state")).ToHaveTextAsync("正在呼叫…");
        await Expect(page.Locator("#seat")).ToHaveAttributeAsync("data-status", "Ringing");

        // The switch reports the merchant answered at the agent's seat: on the call.
        var callId = await pop.GetAttributeAsync("data-call-id");
        using var cti = new Reliability.SwitchClient(Web);
        await cti.Answered(callId!, "8001");
        await Expect(page.Locator("#seat")).ToHaveAttributeAsync("data-status", "OnCall");
        await Expect(page.Locator("#outbound-state")).ToHaveTextAsync("通话中");
    });
}
