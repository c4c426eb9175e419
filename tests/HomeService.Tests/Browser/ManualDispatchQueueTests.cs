using System.Text.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The console's manual dispatch queue (人工派单) in a real browser: an order no merchant takes appears in it by push, the
/// agent picks a merchant with a reason (the API's field error shows by the reason when there is none), and the order
/// leaves the queue and reaches the merchant. When no merchant is eligible, any other active merchant can be chosen, each
/// saying why it is not eligible, and the override is audited. Each test has a deployment of its own, so the queue holds only its orders.
/// </summary>
public sealed class ManualDispatchQueueTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task A_refused_order_nobody_else_can_take_appears_in_the_queue_live_and_leaves_it_when_the_agent_dispatches_it_by_hand() => InBrowser(async session =>
    {
        var agent = await OpenConsole(session, "zh-CN");
        var merchant = await session.Open(Web, "merchant1");
        await SignIn(merchant, "merchant1");
        await IsOn(merchant, "/merchant");
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-merchant", "ready");
        await LiveConnectionIsUp(merchant);
        foreach (var page in new[] { agent, merchant }) await page.EvaluateAsync("() => window.__sameDocument = true");

        // 1. The queue is empty.
        var tab = agent.Locator("#tab-manual");
        await Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(tab.Locator(".count")).ToHaveTextAsync("0");
        await Expect(agent.Locator("#manual-dispatch-empty")).ToHaveTextAsync("没有待人工派单的工单。");

        // 2. Home cleaning in 郑东新区: only M001 does it there. It is offered to M001, which refuses it on its portal.
        var orderNo = await CreateOrder(agent, "home-clean", "郑东新区", "郑东新区商务内环路 9 号");
        var offer = merchant.Locator($"#merchant-orders tr[data-order='{orderNo}']");
        await Expect(offer).ToHaveAttributeAsync("data-status", "Offered");
        await offer.Locator(".refuse").ClickAsync();
        await offer.Locator(".refuse-reason").FillAsync("人手不足");
        await offer.Locator(".refuse-confirm").ClickAsync();
        await Expect(offer).ToHaveCountAsync(0);

        // 3. Nobody else can take it: it appears in the agent's queue by push, with what the agent needs to decide.
        var queued = agent.Locator($"#manual-dispatch-list li[data-order='{orderNo}']");
        await Expect(queued).ToBeVisibleAsync();
        await Expect(queued.Locator(".category")).ToHaveTextAsync("家庭保洁");
        await Expect(queued.Locator(".district")).ToHaveTextAsync("郑东新区");
        await Expect(queued.Locator(".attempts")).ToHaveTextAsync("1");
        await Expect(tab.Locator(".count")).ToHaveTextAsync("1");
        await Expect(agent.Locator("#manual-dispatch-empty")).ToBeHiddenAsync();

        // 4. The merchant that refused is offered, marked as such (the agent may have talked it round on the phone).
        await queued.Locator(".dispatch").ClickAsync();
        var choice = queued.Locator(".merchant-select");
        await Expect(choice).ToHaveValueAsync("M001");
        await Expect(choice.Locator("option[value='M001']")).ToHaveTextAsync("郑州安心家政服务有限公司 (M001) · 曾拒接此单");

        // 5. No reason: the API's message shows next to the reason, and the order stays in the queue.
        await queued.Locator(".dispatch-confirm").ClickAsync();
        await Expect(queued.Locator(".field-error[data-field='reason']")).ToHaveTextAsync("请填写原因。");
        await Expect(queued.Locator(".dispatch-reason")).ToBeFocusedAsync();
        await Expect(queued).ToBeVisibleAsync();

        // 6. With a reason it goes: the row leaves the queue, and the merchant gets the offer again.
        await queued.Locator(".dispatch-reason").FillAsync("已电话沟通，商户同意加派人手");
        await queued.Locator(".dispatch-confirm").ClickAsync();
        await Expect(queued).ToHaveCountAsync(0);
        await Expect(tab.Locator(".count")).ToHaveTextAsync("0");
        await Expect(agent.Locator("#manual-dispatch-empty")).ToBeVisibleAsync();
        await Expect(offer).ToHaveAttributeAsync("data-status", "Offered");

        // The dispatch decision names the agent's choice and reason.
        var decisions = JsonDocument.Parse(await (await agent.APIRequest.GetAsync($"/api/orders/{orderNo}/dispatch")).TextAsync()).RootElement;
        var last = decisions.EnumerateArray().Last();
        Assert.True(last.GetProperty("manual").GetBoolean());
        Assert.Equal("M001", last.GetProperty("chosen").GetString());
        Assert.Equal("已电话沟通，商户同意加派人手", last.GetProperty("reason").GetString());

        foreach (var page in new[] { agent, merchant })
        {
            Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), $"{page.Url} reloaded instead of taking the pushes");
            Assert.Empty(session.ScriptErrors(page));
        }
    });

    [Fact]
    public Task An_order_no_merchant_is_eligible_for_can_go_to_another_merchant_with_a_reason_that_is_audited_in_english() => InBrowser(async session =>
    {
        var agent = await OpenConsole(session, "en");
        await Expect(agent.Locator("#tab-manual")).ToContainTextAsync("Manual dispatch");

        // A move-in deep clean in 金水区: the one company doing deep cleans does not serve 金水区, so it goes straight to the queue.
        var orderNo = await CreateOrder(agent, "deep-clean", "金水区", "金水区花园路 1 号", new { rooms = "3", area = "90" });
        var queued = agent.Locator($"#manual-dispatch-list li[data-order='{orderNo}']");
        await Expect(queued.Locator(".category")).ToHaveTextAsync("Move-in deep clean");
        await Expect(queued.Locator(".attempts")).ToHaveTextAsync("0");

        // The dispatcher is told nobody is eligible, and sees every other active merchant with why it is not eligible.
        await queued.Locator(".dispatch").ClickAsync();
        await Expect(queued.Locator(".no-eligible")).ToContainTextAsync("No merchant is eligible");
        var choice = queued.Locator(".merchant-select");
        await Expect(choice).ToHaveValueAsync("");
        await Expect(choice.Locator("optgroup[data-group='same-category'] option[value='M002']"))
            .ToHaveTextAsync("郑州洁净家居保洁有限公司 (M002) · does not serve 金水区");
        await Expect(choice.Locator("optgroup[data-group='other-category'] option[value='M001']"))
            .ToHaveTextAsync("郑州安心家政服务有限公司 (M001) · does not offer this service");
        await Expect(queued.Locator(".dispatch-confirm")).ToBeEnabledAsync();

        // Without a merchant and a reason, the API names both fields.
        await queued.Locator(".dispatch-confirm").ClickAsync();
        await Expect(queued.Locator(".field-error[data-field='merchantId']")).ToBeVisibleAsync();
        await Expect(queued.Locator(".field-error[data-field='reason']")).ToBeVisibleAsync();

        // M002 with a reason: the order leaves the queue, is offered to M002, and the override is in the audit log.
        await choice.SelectOptionAsync("M002");
        await Expect(queued.Locator(".override-note")).ToBeVisibleAsync();
        await queued.Locator(".dispatch-reason").FillAsync("Customer agreed to M002 travelling from 二七区");
        await queued.Locator(".dispatch-confirm").ClickAsync();
        await Expect(queued).ToHaveCountAsync(0);

        var order = JsonDocument.Parse(await (await agent.APIRequest.GetAsync($"/api/orders/{orderNo}")).TextAsync()).RootElement;
        Assert.Equal("Offered", order.GetProperty("status").GetString());
        Assert.Equal("M002", order.GetProperty("merchantId").GetString());
        Assert.Equal(1L, await Deployment.Scalar<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'order.dispatch-override' AND target_id = $1 AND after->>'merchantId' = 'M002' AND before->>'notEligible' = 'district:金水区'",
            orderNo));
        Assert.Empty(session.ScriptErrors(agent));
    });

    private async Task<IPage> OpenConsole(BrowserSession session, string locale)
    {
        var page = await session.Open(Web, "agent1", locale);
        await SignIn(page, "agent1");
        await IsOn(page, "/console");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-console", "ready");
        await Expect(page.Locator("#work-queues")).ToHaveAttributeAsync("data-ready", "true");
        await LiveConnectionIsUp(page);
        return page;
    }

    /// <summary>An order taken by the agent's own session through the API (the form has its own tests): tomorrow morning, Beijing time.</summary>
    private static async Task<string> CreateOrder(IPage agent, string category, string district, string address, object? requirements = null)
    {
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(1);
        var start = new DateTimeOffset(tomorrow.AddHours(9), TimeSpan.FromHours(8));
        var response = await agent.APIRequest.PostAsync("/api/orders", new()
        {
            Headers = await RequestTokenHeader(agent),
            DataObject = new { contactName = "钱女士", contactPhone = "13612345678", category, district, address, windowStart = start, windowEnd = start.AddHours(2), requirements },
        });
        var body = await response.TextAsync();
        Assert.True(response.Status == 201, $"create order: {response.Status} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("orderNo").GetString()!;
    }
}
