using System.Net.Http.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// Issue 18, a supervisor's day at a 1366×768 desk screen: the live KPI table fits without sideways scrolling and its
/// columns are the supervisor's choice; every call offered to a queue is accounted for on screen; the wallboard shows each
/// queue's waiting calls and the agents by status, live; the Orleans dashboard is a link away, and an agent sent there is
/// refused on our own page with a way back.
/// Each test has a deployment of its own, so no other test's ready agent takes the calls it counts.
/// </summary>
public sealed class SupervisorDayBrowserTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    private static readonly ViewportSize Desk = new() { Width = 1366, Height = 768 };

    [Fact]
    public Task The_supervisor_s_KPI_table_has_no_horizontal_scroll_at_1366x768_and_every_queue_s_numbers_add_up() => InBrowser(async session =>
    {
        await WarmUp();
        // Complaint callers: one hangs up, one is still waiting (no agent is logged in).
        using var telephony = Telephony();
        await Offer(telephony, "13812340001", "3");
        var gone = await Offer(telephony, "13812340002", "3");
        await Post(telephony, $"/api/cti/calls/{gone}/hangup", new { leg = "caller", cause = "caller-abandoned" }, $"hangup-{gone}");

        var page = await session.Open(Web, "supervisor", "zh-CN", Desk);
        await SignIn(page, "supervisor");
        await IsOn(page, "/supervisor");
        await LiveConnectionIsUp(page);
        var today = page.Locator("#live-kpis-rows tr[data-queue='complaint'][data-window='today']");
        await Expect(today.Locator("td[data-k='offered']")).ToHaveTextAsync("2");
        await Expect(today.Locator("td[data-k='abandoned']")).ToHaveTextAsync("1");
        await Expect(today.Locator("td[data-k='stillWaiting']")).ToHaveTextAsync("1");

        // offered = answered + abandoned + callback + overflowed + still waiting, on every row, as shown.
        var sums = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("#live-kpis-rows tr")].map((tr) => {
              const n = (k) => Number(tr.querySelector(`td[data-k='${k}']`).textContent);
              const parts = ["answered", "abandoned", "callbacksRequested", "overflowed", "stillWaiting"].reduce((s, k) => s + n(k), 0);
              return `${tr.dataset.queue}/${tr.dataset.window}: ${n("offered")} = ${parts}`;
            })
            """);
        Assert.All(sums, s => Assert.Equal(s.Split(": ")[1].Split(" = ")[0], s.Split(" = ")[1]));
        foreach (var header in new[] { "预约回呼", "溢出转队列", "仍在排队" })
            await Expect(page.Locator("#live-kpis thead th", new() { HasText = header })).ToBeVisibleAsync();

        // The table fits its box at 1366 px: AHT, abandonment, occupancy and transfers are in view.
        var box = page.Locator("#live-kpis .table-scroll");
        var fit = await box.EvaluateAsync<int[]>("(el) => [el.scrollWidth, el.clientWidth]");
        Assert.True(fit[0] <= fit[1], $"the KPI table is {fit[0]} px wide in a {fit[1]} px box");
        var inside = await page.EvaluateAsync<string[]>("""
            () => {
              const box = document.querySelector("#live-kpis .table-scroll").getBoundingClientRect();
              return ["ahtSeconds", "abandonRate", "occupancy", "transfers"].map((k) => {
                const cell = document.querySelector(`#live-kpis-rows tr[data-queue='complaint'][data-window='today'] td[data-k='${k}']`).getBoundingClientRect();
                return `${k}:${cell.width > 0 && cell.right <= box.right + 1 && cell.left >= box.left}`;
              });
            }
            """);
        Assert.All(inside, c => Assert.EndsWith(":true", c));

        // The supervisor leaves out AHT; the choice is remembered after a reload.
        await page.Locator("#live-kpis-columns summary").ClickAsync();
        await page.Locator("#live-kpis-columns input[value='ahtSeconds']").UncheckAsync();
        await Expect(today.Locator("td[data-k='ahtSeconds']")).ToBeHiddenAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("#live-kpis thead th[data-k='ahtSeconds']")).ToBeHiddenAsync();
        await Expect(page.Locator("#live-kpis thead th[data-k='occupancy']")).ToBeVisibleAsync();
        Assert.Empty(session.ScriptErrors(page));
    });

    [Fact]
    public Task The_wallboard_shows_each_queue_s_waiting_calls_and_the_agents_by_status_live() => InBrowser(async session =>
    {
        await WarmUp();
        var page = await session.Open(Web, "supervisor", "zh-CN", new ViewportSize { Width = 1920, Height = 1080 });
        await SignIn(page, "supervisor");
        await IsOn(page, "/supervisor");
        await Go(page, "/wallboard");
        await LiveConnectionIsUp(page);
        await page.EvaluateAsync("() => window.__sameDocument = true");
        var complaint = page.Locator(".wb-queue[data-queue-id='complaint']");
        await Expect(complaint.Locator(".wb-waiting .wb-big")).ToHaveTextAsync("0");
        await Expect(page.Locator(".wb-queue")).ToHaveCountAsync(2);

        // Two complaint callers ring: the board counts them, and the longest wait runs.
        using var telephony = Telephony();
        await Offer(telephony, "13812340011", "3");
        await Offer(telephony, "13812340012", "3");
        await Expect(complaint.Locator(".wb-waiting .wb-big")).ToHaveTextAsync("2");
        await Expect(page.Locator("#wb-waiting .wb-big")).ToHaveTextAsync("2");
        await Expect(complaint.Locator(".wb-longest strong")).Not.ToHaveTextAsync("0:00", new() { Timeout = 10_000 });
        // Figures big enough to read across the room.
        var size = await complaint.Locator(".wb-waiting .wb-big").EvaluateAsync<double>("(el) => parseFloat(getComputedStyle(el).fontSize)");
        Assert.True(size >= 48, $"the waiting count is {size} px");

        // agent1 logs in to the seat (not ready): the board moves them to 示忙 without a reload.
        using var agent = await WebSession.SignIn(Web, "agent1");
        Assert.True((await agent.Http.PostAsync("/api/console/login", null)).IsSuccessStatusCode);
        var notReady = page.Locator(".wb-status[data-status='NotReady']");
        await Expect(notReady.Locator("li[data-agent-id='A001']")).ToHaveCountAsync(1);
        await Expect(notReady.Locator("h3")).ToContainTextAsync("示忙");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the wallboard reloaded instead of taking the push");
        Assert.Empty(session.ScriptErrors(page));
    });

    [Fact]
    public Task A_supervisor_opens_the_dashboard_from_the_seat_and_an_agent_sent_there_gets_our_refusal_page_with_a_way_back() => InBrowser(async session =>
    {
        await WarmUp();
        var page = await session.Open(Web, "supervisor", "zh-CN", Desk);
        await SignIn(page, "supervisor");
        await IsOn(page, "/supervisor");
        await page.Locator("#dashboard-link").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/dashboard/"));
        Assert.Equal(Deployment.Silos[0].BaseAddress.Authority, new Uri(page.Url).Authority);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("403");

        // The silo sends a refused person to the web host's refusal page (DashboardTests checks that redirect; in tests the
        // silo knows the web host by a placeholder address a browser refuses to open). There: our layout and a way back.
        var agent = await session.Open(Web, "agent", "zh-CN", Desk);
        await SignIn(agent, "agent1");
        await IsOn(agent, "/console");
        await Go(agent, "/denied?from=dashboard");
        await IsOn(agent, "/denied");
        await Expect(agent.Locator("#page-title")).ToHaveTextAsync("无权访问");
        await Expect(agent.Locator("#denied")).ToContainTextAsync("班长");
        await Expect(agent.Locator("header.top")).ToBeVisibleAsync(); // our layout
        await agent.Locator("#denied-back").ClickAsync();
        await IsOn(agent, "/console");
    });

    /// <summary>A fresh web host's first page can take longer than a browser's navigation timeout on a loaded machine.</summary>
    private async Task WarmUp()
    {
        using var warm = new HttpClient { BaseAddress = Web.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        (await warm.GetAsync("/login")).EnsureSuccessStatusCode();
    }

    private HttpClient Telephony()
    {
        var telephony = new HttpClient { BaseAddress = Web.BaseAddress };
        telephony.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        return telephony;
    }

    private static async Task<string> Offer(HttpClient telephony, string caller, string choice)
    {
        var callId = $"sim-{Guid.NewGuid():N}";
        await Post(telephony, "/api/cti/calls", new { callId, caller, dialled = "037112345", trunk = "T1", ivrChoice = choice }, $"offer-{callId}");
        return callId;
    }

    private static async Task Post(HttpClient client, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
