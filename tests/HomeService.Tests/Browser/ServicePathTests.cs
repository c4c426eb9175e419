using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// A service order's whole path through three screens in a real browser, in Chinese: an agent takes it on the
/// console's new-order form, the merchant sees the offer arrive on /merchant, accepts it and assigns a worker, the
/// worker (on a phone) goes, checks in and checks out on /worker, the agent records the follow-up visit from the console's
/// follow-up list and finds the complaint it opened on the complaint desk; every screen follows each step by push,
/// without a reload. Each test has a deployment of its own, so dispatch sees only its own orders.
/// </summary>
public sealed class ServicePathTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output), IAsyncLifetime
{
    private const string Hotline = "037112345";
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly TimeSpan FollowUpDelay = BrowserFixture.Patience;
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;

    public async Task InitializeAsync()
    {
        // The follow-up visit falls due soon after completion (24 h in production), so the first test can go on to it. It is
        // as long as every expectation's patience, so the "completed" screens of step 7 are seen before the visit falls due.
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:WorkOrders:FollowUpDelay"] = FollowUpDelay.ToString("c") });
        _web = _deployment.WebHosts[0];
        // A long ring time keeps the server's timers out of the call in the second test.
        await Sql("UPDATE call_queue SET ring_timeout_seconds = 300, wrap_up_seconds = 600");
    }

    public Task DisposeAsync() => _deployment.DisposeAsync().AsTask();

    [Fact]
    public Task An_order_taken_on_the_console_is_accepted_assigned_and_done_and_every_screen_follows_it_live() => InBrowser(async session =>
    {
        var agent = await OpenPage(session, "agent1", "/console", "data-console");
        await Expect(agent.Locator("#new-order")).ToHaveAttributeAsync("data-ready", "true");
        var merchant = await OpenPage(session, "merchant1", "/merchant", "data-merchant");
        var worker = await OpenPage(session, "worker1", "/worker", "data-worker", Phone);
        foreach (var page in new[] { agent, merchant, worker }) await page.EvaluateAsync("() => window.__sameDocument = true");

        // 1. With no call on the console, the agent fills the form; the visit window defaults to tomorrow 09:00–11:00 Beijing time.
        var form = agent.Locator("#new-order");
        await Expect(agent.Locator("#call-panel")).ToBeHiddenAsync();
        await Expect(form).ToBeVisibleAsync();
        await Expect(agent.Locator("#order-call")).ToHaveTextAsync("未关联通话");
        await Expect(agent.Locator("#order-date")).ToHaveValueAsync(TomorrowInBeijing());
        await Expect(agent.Locator("#order-start")).ToHaveValueAsync("09:00");
        await Expect(agent.Locator("#order-end")).ToHaveValueAsync("11:00");
        const string phone = "13812345678";
        const string address = "金水区农业路 66 号 2 单元 302";
        await agent.Locator("#order-contact").FillAsync("周女士");
        await agent.Locator("#order-phone").FillAsync(phone);
        await agent.Locator("#order-category").SelectOptionAsync(new SelectOptionValue { Label = "家庭保洁" });
        await agent.Locator("#order-district").SelectOptionAsync("金水区");
        await agent.Locator("#order-address").FillAsync(address);
        await agent.Locator("#order-notes").FillAsync("请带吸尘器");
        await agent.Locator("#order-submit").ClickAsync();

        // 2. The console shows the new order's number, offered to M001 (the only merchant for home cleaning in 金水区).
        var result = agent.Locator("#order-result");
        await Expect(result).ToHaveAttributeAsync("data-status", "Offered");
        await Expect(result).ToContainTextAsync("已派单待接单 · M001");
        var orderNo = (await agent.Locator("#order-result .order-no").TextContentAsync())!;
        Assert.Matches(@"^WO\d{11,}$", orderNo);
        await Expect(agent.Locator(".field-error:visible")).ToHaveCountAsync(0);
        await Expect(agent.Locator("#order-address")).ToHaveValueAsync(""); // the form is ready for the next order

        // 3. The offer appears on the merchant's screen by push, with the phone and address masked until accepted.
        var row = merchant.Locator($"#merchant-orders tr[data-order='{orderNo}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "Offered");
        await Expect(row).ToContainTextAsync("已派单待接单");
        await Expect(row).ToContainTextAsync("家庭保洁");
        await Expect(row.Locator(".phone")).ToHaveTextAsync("138****5678");
        await Expect(row).Not.ToContainTextAsync(address);
        await Expect(row.Locator(".worker-select")).ToHaveCountAsync(0);

        // 4. The merchant accepts: the full phone and address show, and the console follows.
        await row.Locator(".accept").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "Accepted");
        await Expect(row).ToContainTextAsync("已接单");
        await Expect(row.Locator(".phone")).ToHaveTextAsync(phone);
        await Expect(row).ToContainTextAsync(address);
        await Expect(row.Locator(".accept")).ToHaveCountAsync(0);
        await Expect(row.Locator(".refuse")).ToHaveCountAsync(0);
        await Expect(result).ToHaveAttributeAsync("data-status", "Accepted");
        await Expect(result).ToContainTextAsync("已接单");

        // 5. The merchant assigns 刘桂芳 (W001); the console shows it.
        await row.Locator(".worker-select").SelectOptionAsync("W001");
        await row.Locator(".assign").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "WorkerAssigned");
        await Expect(row.Locator(".worker")).ToHaveTextAsync("刘桂芳 (W001)");
        await Expect(result).ToHaveAttributeAsync("data-status", "WorkerAssigned");
        await Expect(result).ToContainTextAsync("已指派服务人员 · M001 · W001");

        // 6. The job arrives on the worker's phone with the customer's full phone and address, and only "出发" to press.
        var job = worker.Locator($"#jobs li[data-order='{orderNo}']");
        await Expect(job).ToHaveAttributeAsync("data-status", "WorkerAssigned");
        await Expect(job).ToContainTextAsync("家庭保洁");
        await Expect(job.Locator(".phone a")).ToHaveTextAsync(phone);
        await Expect(job.Locator(".phone a")).ToHaveAttributeAsync("href", $"tel:{phone}");
        await Expect(job).ToContainTextAsync(address);
        await Expect(job.Locator("button")).ToHaveCountAsync(1);
        await Expect(job.Locator(".en-route")).ToHaveTextAsync("出发");

        await job.Locator(".en-route").ClickAsync();
        await Expect(job).ToHaveAttributeAsync("data-status", "EnRoute");
        await Expect(job).ToContainTextAsync("服务人员在途");
        await Expect(job.Locator("button")).ToHaveCountAsync(1);
        await Expect(job.Locator(".check-in")).ToHaveTextAsync("签到");
        await Expect(result).ToContainTextAsync("服务人员在途");

        await job.Locator(".check-in").ClickAsync();
        await Expect(job).ToHaveAttributeAsync("data-status", "InService");
        await Expect(job).ToContainTextAsync("服务中");
        await Expect(job.Locator("button")).ToHaveCountAsync(1);
        await Expect(job.Locator(".check-out")).ToHaveTextAsync("签退");
        await Expect(row).ToHaveAttributeAsync("data-status", "InService");

        await job.Locator(".check-out").ClickAsync();
        // 签退 asks what was done beyond the order and what was collected; nothing here, so the worker just confirms.
        await Expect(job.Locator(".check-out-form")).ToContainTextAsync("签退前请确认本次服务");
        await job.Locator(".check-out-form .confirm-check-out").ClickAsync();
        // The finished job leaves the to-do list and stays in the day's finished list.
        var finished = worker.Locator($"#jobs-done li[data-order='{orderNo}']");
        await Expect(finished).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(finished.Locator(".status")).ToHaveTextAsync("已完成");
        await Expect(finished.Locator("button")).ToHaveCountAsync(0);
        await Expect(job).ToHaveCountAsync(0);

        // 7. Done: the console and the merchant's screen say so too.
        await Expect(result).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(result).ToContainTextAsync("已完成");
        await Expect(row).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(row.Locator(".status")).ToHaveTextAsync("已完成");
        await Expect(row.Locator("button")).ToHaveCountAsync(0);

        // 8. The follow-up visit falls due: the order appears on the agent's follow-up list (回访) by push, with the phone to call.
        await agent.Locator("#tab-follow-ups").ClickAsync();
        var visit = agent.Locator($"#follow-up-list li[data-order='{orderNo}']");
        await Expect(visit).ToBeVisibleAsync(new() { Timeout = (float)(FollowUpDelay + BrowserFixture.Patience).TotalMilliseconds });
        await Expect(visit.Locator(".category")).ToHaveTextAsync("家庭保洁");
        await Expect(visit.Locator(".merchant")).ToHaveTextAsync("郑州安心家政服务有限公司");
        await Expect(visit.Locator(".worker")).ToHaveTextAsync("刘桂芳");
        await Expect(visit.Locator(".phone")).ToHaveTextAsync(phone);
        await Expect(visit).ToContainTextAsync("周女士");
        await Expect(agent.Locator("[data-count='follow-ups']")).ToHaveTextAsync("1");
        await Expect(agent.Locator("#follow-up-empty")).ToBeHiddenAsync();
        await Expect(result).ToContainTextAsync("待回访");

        // 9. The agent calls and records a score of 2, problem not solved. Saving with no score first: the API's message shows by the score.
        await visit.Locator(".record-follow-up").ClickAsync();
        await visit.Locator(".follow-up-save").ClickAsync();
        await Expect(visit.Locator(".field-error[data-field='score']")).ToHaveTextAsync("满意度评分应在 1-5 之间。");
        await visit.Locator(".score-select").SelectOptionAsync("2");
        await Expect(visit.Locator(".field-error[data-field='score']")).ToBeHiddenAsync();
        await visit.Locator(".resolved-select").SelectOptionAsync(new SelectOptionValue { Label = "否" });
        await visit.Locator(".follow-up-comment").FillAsync("厨房没有擦干净");
        await visit.Locator(".follow-up-save").ClickAsync();
        await Expect(visit).ToHaveCountAsync(0);
        await Expect(agent.Locator("#follow-up-empty")).ToBeVisibleAsync();
        await Expect(agent.Locator("[data-count='follow-ups']")).ToHaveTextAsync("0");
        await Expect(result).ToContainTextAsync("已关闭");
        // Closed by the center, the job is still among the worker's finished jobs of the day, also on a page opened afresh.
        var workerLater = await session.Open(_web, "worker1 later", viewport: Phone, mobile: true);
        await SignIn(workerLater, "worker1");
        await IsOn(workerLater, "/worker");
        await Expect(workerLater.Locator($"#jobs-done li[data-order='{orderNo}']")).ToHaveAttributeAsync("data-status", "Closed");

        // 10. The poor score opened a linked complaint (CP + the order's number): it appears on the complaint desk.
        var complaintNo = $"CP{orderNo[2..]}";
        await agent.Locator("#tab-complaints").ClickAsync();
        var complaint = agent.Locator($"#complaint-list li[data-order='{complaintNo}']");
        await Expect(complaint).ToHaveAttributeAsync("data-status", "Registered");
        await Expect(complaint.Locator(".status")).ToHaveTextAsync("已登记");
        await Expect(complaint.Locator(".related")).ToHaveTextAsync(orderNo);
        await Expect(complaint.Locator(".against")).ToHaveTextAsync("郑州安心家政服务有限公司");
        await Expect(complaint.Locator(".severity")).ToHaveTextAsync("中");

        // 11. From the desk the agent assigns it to that merchant, which then finds it on its portal.
        await complaint.Locator(".assign").ClickAsync();
        await Expect(complaint.Locator(".party-merchant")).ToHaveValueAsync("M001");
        await complaint.Locator(".assign-confirm").ClickAsync();
        await Expect(complaint).ToHaveAttributeAsync("data-status", "Assigned");
        await Expect(complaint.Locator(".status")).ToHaveTextAsync("已分派");
        await Expect(complaint.Locator(".party")).ToHaveTextAsync("郑州安心家政服务有限公司");
        await Expect(complaint.Locator(".respond")).ToBeVisibleAsync();
        await Expect(merchant.Locator($"#merchant-orders tr[data-order='{complaintNo}']")).ToHaveAttributeAsync("data-status", "Assigned");

        // The worker's page fits the phone, and nothing reloaded or failed on the way.
        var widths = await worker.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the worker page is {widths[0]} px wide on a {widths[1]} px screen");
        foreach (var page in new[] { agent, merchant, worker })
        {
            Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), $"{page.Url} reloaded instead of taking the pushes");
            Assert.Empty(session.ScriptErrors(page));
        }
        await Expect(merchant.Locator("#merchant-error")).ToBeHiddenAsync();
        await Expect(worker.Locator("#worker-error")).ToBeHiddenAsync();
        await Expect(agent.Locator("#order-error")).ToBeHiddenAsync();
        await Expect(agent.Locator("#work-queues .form-error:visible")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task During_a_call_the_form_is_filled_from_the_pop_shows_field_errors_and_names_the_call_and_a_refused_offer_leaves_the_merchant() =>
        InBrowser(async session =>
    {
        var agent = await OpenPage(session, "agent1", "/console", "data-console");
        await Expect(agent.Locator("#new-order")).ToHaveAttributeAsync("data-ready", "true");
        var merchant = await OpenPage(session, "merchant1", "/merchant", "data-merchant");
        await agent.Locator("#seat-login").ClickAsync();
        await Expect(agent.Locator("#seat-ready")).ToBeVisibleAsync();
        await agent.Locator("#seat-ready").ClickAsync();
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "Available");

        // 1. A seeded member (李先生) calls; once answered, the form has his number, name and address, and names the call.
        var callId = $"sim-{Guid.NewGuid():N}";
        const string caller = "13700137000";
        await Switch("/api/cti/calls", new { callId, caller, dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Ringing");
        await agent.Locator("#call-accept").ClickAsync();
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");
        await Expect(agent.Locator("#order-phone")).ToHaveValueAsync(caller);
        await Expect(agent.Locator("#order-contact")).ToHaveValueAsync("李先生");
        await Expect(agent.Locator("#order-address")).ToHaveValueAsync("郑东新区商务内环路 2 号 1801");
        await Expect(agent.Locator("#order-district")).ToHaveValueAsync("郑东新区");
        await Expect(agent.Locator("#order-call")).ToHaveTextAsync($"关联通话 {callId}");

        // 2. Without a category and with the window ending before it starts, the errors show next to those fields.
        await agent.Locator("#order-end").FillAsync("08:00");
        await agent.Locator("#order-submit").ClickAsync();
        await Expect(agent.Locator(".field-error[data-field='category']")).ToHaveTextAsync("请填写服务类别。");
        await Expect(agent.Locator(".field-error[data-field='windowEnd']")).ToHaveTextAsync("期望时间段的结束时间须晚于开始时间。");
        await Expect(agent.Locator(".field-error[data-field='address']")).ToBeHiddenAsync();
        await Expect(agent.Locator("#order-result")).ToBeHiddenAsync();

        // 3. The caller hangs up while the agent is still typing: the form stays, still naming the call.
        await Switch($"/api/cti/calls/{callId}/hangup", new { leg = "caller", cause = "normal" }, $"hangup-{callId}");
        await Expect(agent.Locator("#call-panel")).ToBeHiddenAsync();
        await Expect(agent.Locator("#new-order")).ToBeVisibleAsync();
        await Expect(agent.Locator("#order-call")).ToHaveTextAsync($"关联通话 {callId}");
        await Expect(agent.Locator("#order-phone")).ToHaveValueAsync(caller);

        await agent.Locator("#order-category").SelectOptionAsync("home-clean");
        await Expect(agent.Locator(".field-error[data-field='category']")).ToBeHiddenAsync();
        await agent.Locator("#order-end").FillAsync("11:00");
        await Expect(agent.Locator(".field-error[data-field='windowEnd']")).ToBeHiddenAsync();
        await agent.Locator("#order-submit").ClickAsync();
        var result = agent.Locator("#order-result");
        await Expect(result).ToHaveAttributeAsync("data-status", "Offered");
        await Expect(result).ToContainTextAsync("已派单待接单 · M001");
        var orderNo = (await agent.Locator("#order-result .order-no").TextContentAsync())!;
        await Expect(agent.Locator("#order-call")).ToHaveTextAsync("未关联通话");

        // The order carries the call and the member.
        var response = await agent.APIRequest.GetAsync($"/api/orders/{orderNo}");
        Assert.Equal(200, response.Status);
        var order = JsonDocument.Parse(await response.TextAsync()).RootElement;
        Assert.Equal(callId, order.GetProperty("callId").GetString());
        Assert.Equal(caller, order.GetProperty("contactPhone").GetString());
        Assert.Equal("李先生", order.GetProperty("contactName").GetString());
        Assert.False(string.IsNullOrEmpty(order.GetProperty("memberId").GetString()));

        // 4. The merchant refuses the offer with a reason: it leaves the merchant's list, and as no other merchant cleans
        // homes in 郑东新区 the console shows it waiting for manual dispatch.
        var row = merchant.Locator($"#merchant-orders tr[data-order='{orderNo}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "Offered");
        await row.Locator(".refuse").ClickAsync();
        await Expect(row.Locator(".refuse-reason")).ToBeFocusedAsync();
        await row.Locator(".refuse-reason").FillAsync("人手不足");
        await row.Locator(".refuse-confirm").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(result).ToHaveAttributeAsync("data-status", "ManualDispatch");
        await Expect(result).ToContainTextAsync("待人工派单");
        await Expect(result).Not.ToContainTextAsync("M001");
        await Expect(merchant.Locator("#merchant-error")).ToBeHiddenAsync();
        Assert.Empty(session.ScriptErrors(agent));
        Assert.Empty(session.ScriptErrors(merchant));
    });

    /// <summary>Signs in through the form, lands on the role's page, and waits for its list and its live connection.</summary>
    private async Task<IPage> OpenPage(BrowserSession session, string login, string path, string readyAttribute, ViewportSize? viewport = null)
    {
        var page = await session.Open(_web, login, viewport: viewport, mobile: viewport is not null);
        await SignIn(page, login);
        await IsOn(page, path);
        await Expect(page.Locator("body")).ToHaveAttributeAsync(readyAttribute, "ready");
        await LiveConnectionIsUp(page);
        return page;
    }

    private static string TomorrowInBeijing()
    {
        var beijing = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        return beijing.Date.AddDays(1).ToString("yyyy-MM-dd");
    }

    /// <summary>One switch event through the telephony API, with its idempotency key.</summary>
    private async Task Switch(string path, object body, string idempotencyKey)
    {
        using var client = new HttpClient { BaseAddress = _web.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private Task Sql(string sql) => _deployment.Sql(sql);
}
