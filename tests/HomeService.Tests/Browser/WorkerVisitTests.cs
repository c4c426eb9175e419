using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// A worker's visit on the phone, with the product's check-in rules (an hour's allowance): a check-in on the wrong day is
/// refused and names the booked day; an early one asks first; 签退 asks for the extra items and the money collected, which
/// then stay on the finished job. The silos' clock starts at 08:00 Beijing time on a fixed day, so "today" is the same
/// whenever the test runs.
/// </summary>
public sealed class WorkerVisitTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output), IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };
    // A day in the past: Orleans reads the silos' clock too, and a clock ahead of the real one makes its membership count the silo dead.
    private static readonly DateTimeOffset Today = new(2026, 3, 10, 0, 0, 0, Beijing);
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:WorkOrders:EarlyCheckIn"] = "01:00:00" },
            new MovableClock(Today.AddHours(8)));
        _web = _deployment.WebHosts[0];
    }

    public Task DisposeAsync() => _deployment.DisposeAsync().AsTask();

    [Fact]
    public Task A_worker_a_day_early_is_refused_an_early_one_confirms_and_check_out_records_extras_and_money() => InBrowser(async session =>
    {
        // Booked for tomorrow 10:00 by mistake; M001 accepts and sends W001.
        using var agent = await WebSession.SignIn(_web, "agent1");
        var orderNo = await OrderSteps.OfferedToM001(agent, new
        {
            contactName = "吴女士", contactPhone = "13612345678", category = "home-clean", district = "金水区", address = "金水区经三路 15 号",
            windowStart = Today.AddDays(1).AddHours(10), windowEnd = Today.AddDays(1).AddHours(12),
        });
        using (var merchant = await WebSession.SignIn(_web, "merchant1"))
        {
            Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })).StatusCode);
        }

        var worker = await session.Open(_web, "worker1", viewport: Phone, mobile: true);
        await SignIn(worker, "worker1");
        await IsOn(worker, "/worker");
        await Expect(worker.Locator("body")).ToHaveAttributeAsync("data-worker", "ready");
        await LiveConnectionIsUp(worker);
        var job = worker.Locator($"#jobs li[data-order='{orderNo}']");
        await job.Locator(".en-route").ClickAsync();
        await Expect(job).ToHaveAttributeAsync("data-status", "EnRoute");

        // 1. Today is not the booked day: refused, with the day it is booked for; the job stays on the way.
        await job.Locator(".check-in").ClickAsync();
        var bookedDay = Today.AddDays(1).ToString("yyyy-MM-dd");
        await Expect(worker.Locator("#worker-error")).ToContainTextAsync($"这单预约在 {bookedDay}，只能在当天签到");
        await Expect(job).ToHaveAttributeAsync("data-status", "EnRoute");

        // 2. The center moves the visit to today 10:30; at about 08:00 the worker is some two and a half hours early: asked first.
        var moved = await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/reschedule",
            new { windowStart = Today.AddHours(10.5), windowEnd = Today.AddHours(12.5) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await Expect(job).ToContainTextAsync("10:30");
        await job.Locator(".check-in").ClickAsync();
        var ask = job.Locator(".early-ask");
        await Expect(ask).ToContainTextAsync("比预约时段开始早 2 小时");
        await Expect(worker.Locator("#worker-error")).ToBeHiddenAsync();
        // Not yet: cancelling leaves the job as it was, with its button back.
        await ask.Locator(".cancel").ClickAsync();
        await Expect(job.Locator(".early-ask")).ToHaveCountAsync(0);
        await Expect(job).ToHaveAttributeAsync("data-status", "EnRoute");
        await job.Locator(".check-in").ClickAsync();
        await job.Locator(".early-ask .confirm-early").ClickAsync();
        await Expect(job).ToHaveAttributeAsync("data-status", "InService");

        // 3. 签退 asks what was done beyond the order and what was collected; a third decimal is refused at its field.
        await job.Locator(".check-out").ClickAsync();
        var form = job.Locator(".check-out-form");
        await form.Locator("textarea[name='extras']").FillAsync("加擦两扇窗户");
        await form.Locator("input[name='amountCollected']").FillAsync("80.005");
        await form.Locator(".confirm-check-out").ClickAsync();
        await Expect(form.Locator(".field-error[data-field='amountCollected']")).ToHaveTextAsync("现场收款（元）的格式不正确。");
        await Expect(job).ToHaveAttributeAsync("data-status", "InService");
        await form.Locator("input[name='amountCollected']").FillAsync("80");
        await form.Locator(".confirm-check-out").ClickAsync();

        // The job is in today's finished list with what the worker reported; the center sees it on the order.
        var done = worker.Locator($"#jobs-done li[data-order='{orderNo}']");
        await Expect(done).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(done.Locator(".visit-summary")).ToHaveTextAsync("额外项目：加擦两扇窗户 · 现场收款：¥80.00");
        var order = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}");
        Assert.Equal(("加擦两扇窗户", 8000L), (order.GetProperty("checkOutExtras").GetString(), order.GetProperty("collectedFen").GetInt64()));

        // So does the merchant, on the finished order's row.
        var desk = await session.Open(_web, "merchant1");
        await SignIn(desk, "merchant1");
        await IsOn(desk, "/merchant");
        await Expect(desk.Locator($"#merchant-orders tr[data-order='{orderNo}'] .visit-summary")).ToHaveTextAsync("额外项目：加擦两扇窗户 · 现场收款：¥80.00");
        Assert.Empty(session.ScriptErrors(worker));
        Assert.Empty(session.ScriptErrors(desk));
    });

    [Fact]
    public async Task A_check_in_without_a_body_within_the_allowance_goes_ahead_and_an_early_one_is_a_problem_the_phone_can_act_on()
    {
        using var agent = await WebSession.SignIn(_web, "agent1");
        using var merchant = await WebSession.SignIn(_web, "merchant1");
        using var worker = await WebSession.SignIn(_web, "worker1");
        var orderNo = await OrderSteps.OfferedToM001(agent, new
        {
            contactPhone = "13612345678", category = "home-clean", district = "金水区", address = "金水区经三路 16 号",
            windowStart = Today.AddHours(11), windowEnd = Today.AddHours(13),
        });
        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })).StatusCode);

        var early = await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/check-in", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await early.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:homeservice:problem:check-in-early", problem.GetProperty("type").GetString());
        Assert.InRange(problem.GetProperty("minutesEarly").GetInt32(), 170, 181);

        // Moved to start within the hour: the same request, still without a body, checks in.
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/reschedule",
            new { windowStart = Today.AddHours(8.5), windowEnd = Today.AddHours(10.5) })).StatusCode);
        var checkedIn = await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/check-in", null);
        Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
        Assert.Equal("InService", (await checkedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // A wrong type is an error at its field, in the worker's words, and the job stays in service; no body completes it.
        var wrong = await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/check-out",
            new StringContent("""{"amountCollected":"八十"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("现场收款（元）的格式不正确。",
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("amountCollected")[0].GetString());
        var done = await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/check-out", null);
        Assert.Equal("Completed", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }
}
