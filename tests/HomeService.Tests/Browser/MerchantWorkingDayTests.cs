using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// A merchant's working day on the portal: what needs an answer is at the top, the credit level reads as symbols and words,
/// and once the merchant accepts an order it sees what the resident told the center (notes, the category's fields); an offer
/// counts down the time left to answer it, and a credit change caused by an order leads to that order.
/// </summary>
public sealed class MerchantWorkingDayTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    // A completed order's follow-up falls due at once, so the center can rate it within the test.
    protected override Dictionary<string, string?>? Settings => new() { ["HomeService:WorkOrders:FollowUpDelay"] = "00:00:01" };

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
            Headers = await RequestTokenHeader(agent),
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

    [Fact]
    public Task An_offer_counts_down_the_time_left_to_answer_warns_in_its_last_minute_and_says_when_it_has_run_out() => InBrowser(async session =>
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        // The merchant's browser clock is one the test can move, to see the offer's last minute without waiting ten.
        var merchant = await session.Open(Web, "merchant2");
        await merchant.Clock.InstallAsync();
        await SignIn(merchant, "merchant2");
        await IsOn(merchant, "/merchant");
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-merchant", "ready");
        await LiveConnectionIsUp(merchant);

        var start = DateTimeOffset.UtcNow.AddDays(1);
        var created = await agent.Http.PostAsJsonAsync("/api/orders", new
        {
            contactName = "钱女士", contactPhone = "13612345678", category = "deep-clean", district = "二七区", address = "二七区大学路 20 号",
            windowStart = start, windowEnd = start.AddHours(4), requirements = new { rooms = "3", area = "90" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var orderNo = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;

        // The offer says how long is left (the configured ten minutes), in minutes and seconds, and the seconds run down.
        var row = merchant.Locator($"#merchant-orders tr[data-order='{orderNo}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "Offered");
        var countdown = row.Locator(".offer-countdown");
        await Expect(countdown).ToHaveTextAsync(new Regex(@"^剩 \d{1,2}:\d\d 待接单$"));
        var first = SecondsLeft(await countdown.InnerTextAsync());
        Assert.InRange(first, 9 * 60, 10 * 60);
        await Expect(countdown).Not.ToHaveTextAsync(await countdown.InnerTextAsync());
        Assert.True(SecondsLeft(await countdown.InnerTextAsync()) < first, "the countdown goes down");
        await Expect(countdown).Not.ToHaveClassAsync(new Regex(@"\bwarning\b"));

        // In the offer's last minute it turns to a warning; at its end it says it has run out (the server then moves it on).
        var offers = await (await merchant.APIRequest.GetAsync("/api/merchant/orders")).JsonAsync();
        var expires = offers!.Value.EnumerateArray().Single(o => o.GetProperty("orderNo").GetString() == orderNo).GetProperty("offerExpiresAt").GetDateTimeOffset();
        await merchant.Clock.SetSystemTimeAsync(expires.AddSeconds(-30).UtcDateTime);
        await Expect(countdown).ToHaveTextAsync(new Regex(@"^剩 0:[0-3]\d 待接单$"));
        await Expect(countdown).ToHaveClassAsync(new Regex(@"\bwarning\b"));
        await merchant.Clock.SetSystemTimeAsync(expires.AddSeconds(1).UtcDateTime);
        await Expect(countdown).ToHaveTextAsync("已超时");
        await Expect(countdown).Not.ToHaveClassAsync(new Regex(@"\bwarning\b"));

        // The same offer on an English desk.
        var english = await session.Open(Web, "merchant2-en", locale: "en");
        await SignIn(english, "merchant2");
        await IsOn(english, "/merchant");
        await Expect(english.Locator($"#merchant-orders tr[data-order='{orderNo}'] .offer-countdown")).ToHaveTextAsync(new Regex(@"^\d{1,2}:\d\d left to answer$"));

        foreach (var page in new[] { merchant, english }) Assert.Empty(session.ScriptErrors(page));
    });

    [Fact]
    public Task A_credit_change_from_an_order_leads_the_merchant_to_that_orders_row() => InBrowser(async session =>
    {
        // M001 does a cleaning job (W001 checks in and out) and the center's follow-up rates it five stars.
        using var agent = await WebSession.SignIn(Web, "agent1");
        var orderNo = await OrderSteps.Completed(Web, agent);
        await Eventually.True(async () => (await agent.Http.GetFromJsonAsync<JsonElement>("/api/follow-ups")).EnumerateArray()
            .Any(o => o.GetProperty("orderNo").GetString() == orderNo), TimeSpan.FromSeconds(30), "the follow-up falls due");
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/follow-up", new { score = 5, resolved = true })).StatusCode);
        using (var api = await WebSession.SignIn(Web, "merchant1"))
            await Eventually.True(async () => (await api.Http.GetFromJsonAsync<JsonElement>("/api/merchant/credit")).GetProperty("changes").EnumerateArray()
                .Any(c => c.GetProperty("source").GetString()!.StartsWith($"{orderNo}#")), TimeSpan.FromSeconds(30), "the rating reaches M001's credit");

        var merchant = await session.Open(Web, "merchant1");
        await SignIn(merchant, "merchant1");
        await IsOn(merchant, "/merchant");
        await Expect(merchant.Locator("#report-panel")).ToHaveAttributeAsync("data-ready", "true");

        // The change reads 服务评价 · +n · 订单 WO…, the order number a link; other sources keep their words.
        var change = merchant.Locator("#credit-changes li", new() { Has = merchant.Locator($"a.order-link[data-order='{orderNo}']") }).First;
        await Expect(change).ToHaveAttributeAsync("data-reason", "Rating");
        await Expect(change).ToContainTextAsync("服务评价 · ");
        await Expect(change).ToContainTextAsync($"订单 {orderNo}");
        Assert.DoesNotContain("#", await merchant.Locator("#credit-changes").InnerTextAsync());

        // Clicking the number takes the merchant to the order's row, outlined and focused.
        await change.Locator("a.order-link").ClickAsync();
        var row = merchant.Locator($"tr.located[data-order='{orderNo}']");
        await Expect(row).ToBeInViewportAsync();
        await Expect(row).ToBeFocusedAsync();
        Assert.Empty(session.ScriptErrors(merchant));
    });

    /// <summary>"剩 4:32 待接单" as 272 seconds.</summary>
    private static int SecondsLeft(string countdown)
    {
        var m = Regex.Match(countdown, @"(\d+):(\d\d)");
        return int.Parse(m.Groups[1].Value) * 60 + int.Parse(m.Groups[2].Value);
    }
}
