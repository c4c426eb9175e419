using System.Text.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// A merchant's working day on the portal: what needs an answer is at the top, the credit level reads as symbols and words,
/// and once the merchant accepts an order it sees what the resident told the center (notes, the category's fields).
/// </summary>
public sealed class MerchantWorkingDayTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task An_accepted_order_shows_the_residents_notes_and_the_jobs_details_to_the_merchant_and_the_worker() => InBrowser(async session =>
    {
        var agent = await session.Open(Web, "agent1");
        await SignIn(agent, "agent1");
        await IsOn(agent, "/console");

        var merchant = await session.Open(Web, "merchant2");
        await SignIn(merchant, "merchant2");
        await IsOn(merchant, "/merchant");
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-merchant", "ready");
        await LiveConnectionIsUp(merchant);

        // The first thing on the page is the list of offers and orders; the level reads as hearts with words, never a code.
        Assert.Equal("merchant-orders-panel", await merchant.Locator("section.panel").First.GetAttributeAsync("id"));
        var level = merchant.Locator("#merchant-level");
        await Expect(level.Locator(".level-symbols")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[♥◆]+$"));
        await Expect(level.Locator(".level-label")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[一二三四五][心钻]$"));
        Assert.DoesNotContain(":", await level.InnerTextAsync());

        // A move-in deep clean in 二七区 with a note: offered to M002, whose offer shows neither the note nor the details.
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(1);
        var start = new DateTimeOffset(tomorrow.AddHours(9), TimeSpan.FromHours(8));
        var created = await agent.APIRequest.PostAsync("/api/orders", new()
        {
            DataObject = new
            {
                contactName = "钱女士", contactPhone = "13612345678", category = "deep-clean", district = "二七区", address = "二七区大学路 20 号",
                windowStart = start, windowEnd = start.AddHours(4), requirements = new { rooms = "3", area = "90" }, notes = "家里有猫",
            },
        });
        var body = await created.TextAsync();
        Assert.True(created.Status == 201, $"create order: {created.Status} {body}");
        var orderNo = JsonDocument.Parse(body).RootElement.GetProperty("orderNo").GetString()!;

        var row = merchant.Locator($"#merchant-orders tr[data-order='{orderNo}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "Offered");
        await Expect(row.Locator(".order-details")).ToHaveCountAsync(0);

        // Accepted: the note and the fields show, by their names.
        await row.Locator(".accept").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "Accepted");
        await Expect(row.Locator(".order-details .notes")).ToHaveTextAsync("备注：家里有猫");
        await Expect(row.Locator(".order-details .requirements")).ToContainTextAsync("房间数 3");
        await Expect(row.Locator(".order-details .requirements")).ToContainTextAsync("90");

        // The portal's list (the API the page reads) carries them from now on.
        var orders = JsonDocument.Parse(await (await merchant.APIRequest.GetAsync("/api/merchant/orders")).TextAsync()).RootElement;
        Assert.Equal("家里有猫", orders.EnumerateArray().Single(o => o.GetProperty("orderNo").GetString() == orderNo).GetProperty("notes").GetString());

        foreach (var page in new[] { agent, merchant }) Assert.Empty(session.ScriptErrors(page));
    });
}
