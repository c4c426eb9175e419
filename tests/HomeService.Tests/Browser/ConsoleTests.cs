using System.Net;
using System.Net.Http.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The hotline agent console (/console) in a real browser, in Chinese: seat buttons, the ringing pop arriving by
/// push, accept, hold, transfer to a colleague, the caller hanging up, today's calls, and a reload mid-call.
/// The test plays the switch through the telephony API. Each test has a deployment (and so a database) of its
/// own, because seat state must start clean: every agent Offline, no calls.
/// </summary>
public sealed class ConsoleTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output), IAsyncLifetime
{
    private const string Hotline = "037112345";
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;
    private HttpClient _switch = null!;

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 2, webHosts: 1);
        _web = _deployment.WebHosts[0];
        _switch = new HttpClient { BaseAddress = _web.BaseAddress };
        _switch.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        // Long ring and wrap-up times keep the server's timers out of the test: a slow machine must not see a ring
        // time out or a wrap-up end by itself between two steps. The directory reads them on first use.
        await Sql("UPDATE call_queue SET ring_timeout_seconds = 300, wrap_up_seconds = 600");
    }

    public async Task DisposeAsync()
    {
        _switch.Dispose();
        await _deployment.DisposeAsync();
    }

    [Fact]
    public Task A_call_pops_on_the_longest_idle_agent_and_goes_through_hold_transfer_reload_and_hangup() => InBrowser(async session =>
    {
        // 1. Both agents sign in through the form, log their seats in and get ready; agent1 first, so it is the longest idle.
        var agent1 = await OpenConsole(session, "agent1");
        var agent2 = await OpenConsole(session, "agent2");
        await LogInAndReady(agent1);
        await LogInAndReady(agent2);
        await agent1.EvaluateAsync("() => window.__sameDocument = true");
        await agent2.EvaluateAsync("() => window.__sameDocument = true");

        // 2. The switch offers a call from a seeded member (李先生, VIP, no open order, so no sticky agent);
        // agent1's console pops it by push with the member and his orders.
        var callId = $"sim-{Guid.NewGuid():N}";
        const string caller = "13700137000";
        await Switch("/api/cti/calls", new { callId, caller, dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");

        var panel1 = agent1.Locator("#call-panel");
        await Expect(panel1).ToBeVisibleAsync();
        await Expect(panel1).ToHaveAttributeAsync("data-call-id", callId);
        await Expect(panel1).ToHaveAttributeAsync("data-status", "Ringing");
        await Expect(agent1.Locator("#call-state")).ToHaveTextAsync("振铃");
        await Expect(agent1.Locator("#call-caller")).ToHaveTextAsync(caller);
        await Expect(agent1.Locator("#call-member")).ToContainTextAsync("李先生 · VIP · 郑东新区商务内环路 2 号 1801");
        await Expect(agent1.Locator("#create-member")).ToHaveCountAsync(0);
        await Expect(agent1.Locator("#pop-orders")).ToContainTextAsync("WO20261115004 · 家电维修");
        await SeatIs(agent1, "Ringing", "振铃");
        // While it rings, only answering or refusing is offered.
        await Expect(agent1.Locator("#call-accept")).ToBeVisibleAsync();
        await Expect(agent1.Locator("#call-reject")).ToBeVisibleAsync();
        await Expect(agent1.Locator("#call-hangup")).ToBeHiddenAsync();
        await Expect(agent1.Locator("#call-transfer")).ToBeHiddenAsync();
        // The other agent was not rung.
        await Expect(agent2.Locator("#call-panel")).ToBeHiddenAsync();
        await SeatIs(agent2, "Available", "就绪");
        await SameDocument(agent1);

        // 3. agent1 answers.
        await agent1.Locator("#call-accept").ClickAsync();
        await CallIs(agent1, callId, "Connected", "通话中");
        await SeatIs(agent1, "OnCall", "通话中");
        await Expect(agent1.Locator("#call-accept")).ToBeHiddenAsync();
        await Expect(agent1.Locator("#call-hangup")).ToBeVisibleAsync();
        await Expect(agent1.Locator("#call-unhold")).ToBeHiddenAsync();

        // 4. Hold, then take the caller back.
        await agent1.Locator("#call-hold").ClickAsync();
        await CallIs(agent1, callId, "OnHold", "保持中");
        await Expect(agent1.Locator("#call-hold")).ToBeHiddenAsync();
        await agent1.Locator("#call-unhold").ClickAsync();
        await CallIs(agent1, callId, "Connected", "通话中");
        await Expect(agent1.Locator("#call-unhold")).ToBeHiddenAsync();

        // 5. Blind transfer to agent A002: it rings there; agent1 goes to wrap-up and ends it by hand.
        await agent1.Locator("#transfer-kind").SelectOptionAsync("agent");
        await agent1.Locator("#transfer-target").FillAsync("A002");
        await agent1.Locator("#call-transfer").ClickAsync();

        var panel2 = agent2.Locator("#call-panel");
        await CallIs(agent2, callId, "Ringing", "振铃");
        await Expect(agent2.Locator("#call-caller")).ToHaveTextAsync(caller);
        await Expect(agent2.Locator("#call-member")).ToContainTextAsync("李先生");
        await SeatIs(agent2, "Ringing", "振铃");
        await SameDocument(agent2);

        await SeatIs(agent1, "AfterCallWork", "话后处理");
        await Expect(panel1).ToBeHiddenAsync();
        await Expect(agent1.Locator("#console-error")).ToBeHiddenAsync();
        await agent1.Locator("#seat-end-wrap-up").ClickAsync();
        await SeatIs(agent1, "Available", "就绪");
        await Expect(agent1.Locator("#seat-end-wrap-up")).ToBeHiddenAsync();
        // The transfer's answer, arriving whenever it does, must not bring the call back to agent1's screen.
        await Expect(panel1).ToBeHiddenAsync();

        // 6. agent2 answers and holds; 7. a reload mid-call restores exactly that (same call, on hold) from the server.
        await agent2.Locator("#call-accept").ClickAsync();
        await CallIs(agent2, callId, "Connected", "通话中");
        await SeatIs(agent2, "OnCall", "通话中");
        await agent2.Locator("#call-hold").ClickAsync();
        await CallIs(agent2, callId, "OnHold", "保持中");

        await agent2.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await ConsoleIsReady(agent2);
        Assert.False(await agent2.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page did not reload");
        await CallIs(agent2, callId, "OnHold", "保持中");
        await Expect(agent2.Locator("#call-caller")).ToHaveTextAsync(caller);
        await Expect(agent2.Locator("#call-member")).ToContainTextAsync("李先生");
        await Expect(agent2.Locator("#call-unhold")).ToBeVisibleAsync();
        await Expect(agent2.Locator("#call-hold")).ToBeHiddenAsync();
        await Expect(agent2.Locator("#call-accept")).ToBeHiddenAsync();
        await SeatIs(agent2, "OnCall", "通话中");
        await agent2.Locator("#call-unhold").ClickAsync();
        await CallIs(agent2, callId, "Connected", "通话中");

        // 6. (cont.) The caller hangs up: agent2's pop clears, its seat goes to wrap-up, and the call is in today's list.
        await Switch($"/api/cti/calls/{callId}/hangup", new { leg = "caller", cause = "normal" }, $"hangup-{callId}");
        await SeatIs(agent2, "AfterCallWork", "话后处理");
        await Expect(panel2).ToBeHiddenAsync();
        await Expect(agent2.Locator("#seat-end-wrap-up")).ToBeVisibleAsync();
        var row = agent2.Locator($"#today-calls tbody tr[data-call-id='{callId}']");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(caller);
        await Expect(row).ToContainTextAsync("已结束");

        await Expect(panel1).ToBeHiddenAsync();
        await Expect(agent1.Locator("#console-error")).ToBeHiddenAsync();
        await Expect(agent2.Locator("#console-error")).ToBeHiddenAsync();
        await SameDocument(agent1);
        Assert.Empty(session.ScriptErrors(agent1));
        Assert.Empty(session.ScriptErrors(agent2));
    });

    [Fact]
    public Task An_agent_chooses_a_not_ready_reason_and_the_seat_shows_it_also_after_a_reload() => InBrowser(async session =>
    {
        var agent = await OpenConsole(session, "agent1");
        await LogInAndReady(agent);

        await agent.Locator("#not-ready-reason").SelectOptionAsync(new SelectOptionValue { Label = "休息" });
        await agent.Locator("#seat-not-ready").ClickAsync();
        await SeatIs(agent, "NotReady", "示忙 · 休息");
        await Expect(agent.Locator("#seat-ready")).ToBeVisibleAsync();

        await agent.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await ConsoleIsReady(agent);
        await SeatIs(agent, "NotReady", "示忙 · 休息");

        await agent.Locator("#seat-ready").ClickAsync();
        await SeatIs(agent, "Available", "就绪");
        Assert.Empty(session.ScriptErrors(agent));
    });

    /// <summary>Signs in through the form, lands on /console, and waits for its state and its live connection.</summary>
    private async Task<IPage> OpenConsole(BrowserSession session, string login)
    {
        var page = await session.Open(_web, login);
        await SignIn(page, login);
        await IsOn(page, "/console");
        await ConsoleIsReady(page);
        await SeatIs(page, "Offline", "未登录");
        return page;
    }

    /// <summary>The script has loaded the state from the server and the live connection is up, so no push can be missed.</summary>
    private static async Task ConsoleIsReady(IPage page)
    {
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-console", "ready");
        await LiveConnectionIsUp(page);
    }

    private static async Task LogInAndReady(IPage page)
    {
        await page.Locator("#seat-login").ClickAsync();
        await SeatIs(page, "NotReady", "示忙 · 刚登录");
        await Expect(page.Locator("#seat-login")).ToBeHiddenAsync();
        await page.Locator("#seat-ready").ClickAsync();
        await SeatIs(page, "Available", "就绪");
        await Expect(page.Locator("#seat-ready")).ToBeHiddenAsync();
    }

    private static async Task SeatIs(IPage page, string status, string text)
    {
        await Expect(page.Locator("#seat")).ToHaveAttributeAsync("data-status", status);
        await Expect(page.Locator("#seat-status")).ToHaveTextAsync(text);
    }

    private static async Task CallIs(IPage page, string callId, string status, string text)
    {
        var panel = page.Locator("#call-panel");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel).ToHaveAttributeAsync("data-call-id", callId);
        await Expect(panel).ToHaveAttributeAsync("data-status", status);
        await Expect(page.Locator("#call-state")).ToHaveTextAsync(text);
    }

    private static async Task SameDocument(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the console reloaded instead of taking the push");

    /// <summary>One switch event through the telephony API, with its idempotency key.</summary>
    private async Task Switch(string path, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await _switch.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private Task Sql(string sql) => _deployment.Sql(sql);
}
