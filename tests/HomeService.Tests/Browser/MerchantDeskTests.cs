using System.Text.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The merchant desk in a real browser, beside an agent's console: the merchant edits its information and the agent's open
/// merchant lookup shows it without reloading ("修改成功后，该修改的结果将同步地被服务热线座席人员查询到"); an order moves
/// and the merchant's live worker board follows the worker; a new offer lands in the inbox.
/// </summary>
public sealed class MerchantDeskTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task An_edit_reaches_the_agents_lookup_live_and_the_worker_board_follows_an_order() => InBrowser(async session =>
    {
        var agent = await session.Open(Web, "agent1");
        await SignIn(agent, "agent1");
        await IsOn(agent, "/console");
        await Expect(agent.Locator("#merchant-lookup")).ToHaveAttributeAsync("data-ready", "true");
        await LiveConnectionIsUp(agent);
        var merchant = await session.Open(Web, "merchant1");
        await SignIn(merchant, "merchant1");
        await IsOn(merchant, "/merchant");
        await Expect(merchant.Locator("#profile-panel")).ToHaveAttributeAsync("data-ready", "true");
        await LiveConnectionIsUp(merchant);
        foreach (var page in new[] { agent, merchant }) await page.EvaluateAsync("() => window.__sameDocument = true");

        // 1. The agent's lookup shows M001 with no business hours yet.
        var row = agent.Locator("#lookup-results tr[data-merchant='M001']");
        await Expect(row.Locator(".hours")).ToHaveTextAsync("—");
        await Expect(row.Locator(".level")).ToHaveTextAsync("♥♥♥♥♥");

        // 2. A bad phone number is named next to its field, and nothing is saved.
        var form = merchant.Locator("#profile-form");
        await form.Locator("[name='contactPhone']").FillAsync("12");
        await form.Locator("[name='businessHours']").FillAsync("每天 07:30–21:00");
        await form.Locator("button[type='submit']").ClickAsync();
        await Expect(form.Locator(".field-error[data-field='contactPhone']")).ToHaveTextAsync("联系电话的格式不正确。");
        await Expect(form.Locator("[name='contactPhone']")).ToBeFocusedAsync();
        await Expect(row.Locator(".hours")).ToHaveTextAsync("—");

        // 3. Corrected, it saves, and the agent's open lookup shows the new hours without a reload.
        await form.Locator("[name='contactPhone']").FillAsync("037160001001");
        await form.Locator("button[type='submit']").ClickAsync();
        await Expect(merchant.Locator("#profile-saved")).ToBeVisibleAsync();
        await Expect(row.Locator(".hours")).ToHaveTextAsync("每天 07:30–21:00");
        Assert.True(await agent.EvaluateAsync<bool>("() => window.__sameDocument === true"));

        // 4. An order for M001: the offer lands in the inbox; accepted and assigned, the worker board follows W001.
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(1);
        var start = new DateTimeOffset(tomorrow.AddHours(9), TimeSpan.FromHours(8));
        var created = await agent.APIRequest.PostAsync("/api/orders", new()
        {
            Headers = await RequestTokenHeader(agent),
            DataObject = new { contactPhone = "13612345678", category = "home-clean", district = "金水区", address = "金水区经三路 15 号", windowStart = start,
                windowEnd = start.AddHours(2) },
        });
        var orderNo = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("orderNo").GetString()!;
        await Expect(merchant.Locator($"#inbox li[data-template='order.offered']").First).ToContainTextAsync(orderNo);
        await Expect(merchant.Locator("#inbox-unread")).Not.ToHaveTextAsync("0");

        var w001 = merchant.Locator("#workers tr[data-worker='W001']");
        await Expect(w001).ToHaveAttributeAsync("data-status", "Available");
        Assert.Equal(200, (await merchant.APIRequest.PostAsync($"/api/merchant/orders/{orderNo}/accept", new() { Headers = await RequestTokenHeader(merchant) })).Status);
        Assert.Equal(200, (await merchant.APIRequest.PostAsync($"/api/merchant/orders/{orderNo}/assign", new() { Headers = await RequestTokenHeader(merchant), DataObject = new { workerId = "W001" } })).Status);
        await Expect(w001).ToHaveAttributeAsync("data-status", "Assigned");
        await Expect(w001.Locator(".status")).ToHaveTextAsync("已派工");
        await Expect(w001.Locator(".order")).ToHaveTextAsync(orderNo);
        Assert.True(await merchant.EvaluateAsync<bool>("() => window.__sameDocument === true"));

        // 5. Orders and ratings: the accepted order is in the list and counted as offered and accepted.
        await Expect(merchant.Locator("#report-panel")).ToHaveAttributeAsync("data-ready", "true");
        await merchant.Locator("#report-form button[type='submit']").ClickAsync();
        await Expect(merchant.Locator($"#report-orders tr[data-order='{orderNo}']")).ToBeVisibleAsync();
        await Expect(merchant.Locator("#report-figures [data-figure='offered']")).ToHaveTextAsync("1 / 1");
        await merchant.Locator("#report-form [name='rating']").SelectOptionAsync("bad");
        await merchant.Locator("#report-form button[type='submit']").ClickAsync();
        await Expect(merchant.Locator("#report-empty")).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_credit_panel_draws_the_score_trend_from_past_changes() => InBrowser(async session =>
    {
        var merchant = await session.Open(Web, "merchant1");
        await SignIn(merchant, "merchant1");
        await IsOn(merchant, "/merchant");
        var trend = merchant.Locator("#credit-trend");
        // The demo ledger holds ratings from several past days, and today's score ends the line.
        await Expect(trend).ToHaveAttributeAsync("data-points", new System.Text.RegularExpressions.Regex("^([3-9]|\\d{2,})$"));
        Assert.Equal(await merchant.Locator("#credit-score").TextContentAsync(), await trend.GetAttributeAsync("data-last"));
        // Chart.js drew on it (served from our own /lib, no CDN).
        Assert.True(await merchant.EvaluateAsync<bool>("() => !!window.Chart && !!window.Chart.getChart(document.getElementById('credit-trend'))"));
    });
}
