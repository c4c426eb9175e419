using System.Net;
using System.Net.Http.Json;
using HomeService.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// An agent's working day at /console, in Chinese, as issue 18 found it wanting: the next caller must never see the
/// previous caller's details in the order form, the pop must speak the agent's language, and a colleague must be
/// reachable by login with the transfer's note on their pop. The test plays the switch through the telephony API.
/// </summary>
public sealed class AgentDayConsoleTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    private const string Hotline = "037112345";

    [Fact]
    public Task A_second_caller_never_sees_the_first_callers_details_and_the_first_order_waits_as_a_draft() => InBrowser(async session =>
    {
        await LongRingAndWrapUp();
        var agent = await AgentReadyAtConsole(session, Web, "agent1");
        using var telephony = Telephony();

        // 1. 李先生 calls: the form is filled from his story, and the agent starts writing his order.
        var first = await Offer(telephony, "13700137000");
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-call-id", first);
        await agent.Locator("#call-accept").ClickAsync();
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");
        await Expect(agent.Locator("#order-contact")).ToHaveValueAsync("李先生");
        await Expect(agent.Locator("#order-address")).ToHaveValueAsync("郑东新区商务内环路 2 号 1801");
        await Expect(agent.Locator("#order-district")).ToHaveValueAsync("郑东新区");
        await Expect(agent.Locator("#order-call")).ToContainTextAsync(first);
        await agent.Locator("#order-notes").FillAsync("周六上午深度保洁，两室一厅");

        // 2. He hangs up before the order is sent; the agent ends wrap-up.
        await Hangup(telephony, first);
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "AfterCallWork");
        await agent.Locator("#seat-end-wrap-up").ClickAsync();
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "Available");

        // 3. A new caller rings: the form is clean but for her number, and names her call, not his.
        var second = await Offer(telephony, "13912340001");
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-call-id", second);
        await Expect(agent.Locator("#order-phone")).ToHaveValueAsync("13912340001");
        await Expect(agent.Locator("#order-contact")).ToHaveValueAsync("");
        await Expect(agent.Locator("#order-address")).ToHaveValueAsync("");
        await Expect(agent.Locator("#order-district")).ToHaveValueAsync("");
        await Expect(agent.Locator("#order-notes")).ToHaveValueAsync("");
        await Expect(agent.Locator("#order-call")).ToContainTextAsync(second);
        await Expect(agent.Locator("#order-call")).Not.ToContainTextAsync(first);

        // 4. His half-written order is not lost: it waits in sight as a draft, and comes back whole, with his call.
        var draft = agent.Locator("#order-drafts .order-draft");
        await Expect(draft).ToHaveCountAsync(1);
        await Expect(draft).ToContainTextAsync("李先生");
        await Expect(draft).ToContainTextAsync("13700137000");
        await draft.Locator(".draft-restore").ClickAsync();
        await Expect(agent.Locator("#order-contact")).ToHaveValueAsync("李先生");
        await Expect(agent.Locator("#order-phone")).ToHaveValueAsync("13700137000");
        await Expect(agent.Locator("#order-notes")).ToHaveValueAsync("周六上午深度保洁，两室一厅");
        await Expect(agent.Locator("#order-call")).ToContainTextAsync(first);
        await Expect(agent.Locator("#order-drafts")).ToBeHiddenAsync();

        // 5. The console offers the same districts as the back office keeps (all open ones), not a list of its own.
        using var site = new HttpClient { BaseAddress = Web.BaseAddress };
        var open = await site.GetFromJsonAsync<List<Place>>("/api/places");
        Assert.Equal(open!.Count + 1, await agent.Locator("#order-district option").CountAsync()); // + 请选择
        Assert.Empty(session.ScriptErrors(agent));
    });

    [Fact]
    public Task The_pop_shows_statuses_in_chinese_and_the_ivr_options_label() => InBrowser(async session =>
    {
        // 张女士's open order belongs to agent2 (A002), so her call rings there.
        var agent = await AgentReadyAtConsole(session, Web, "agent2");
        using var telephony = Telephony();
        var callId = await Offer(telephony, "13800138000", ivrChoice: "2");

        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-call-id", callId);
        await Expect(agent.Locator("#call-ivr")).ToContainTextAsync("2 发布服务需求");
        await Expect(agent.Locator("#pop-orders")).ToContainTextAsync("WO20261118002 · 保姆 · 服务中");
        await Expect(agent.Locator("#pop-orders")).ToContainTextAsync("已关闭");
        await Expect(agent.Locator("#pop-complaints")).ToContainTextAsync("WO20261120003 · 已分派");
        foreach (var code in new[] { "InService", "Closed", "Assigned", "Offered", "Ended", "ManualDispatch" })
            await Expect(agent.Locator("#call-panel")).Not.ToContainTextAsync(code);
        Assert.Empty(session.ScriptErrors(agent));
    });

    [Fact]
    public Task A_transfer_to_agent2_by_login_rings_there_and_agent2s_pop_says_who_transferred_and_the_note() => InBrowser(async session =>
    {
        await LongRingAndWrapUp();
        // agent1 gets ready first, so the call goes to the longest idle agent: agent1.
        var agent1 = await AgentReadyAtConsole(session, Web, "agent1");
        var agent2 = await AgentReadyAtConsole(session, Web, "agent2");
        using var telephony = Telephony();
        var callId = await Offer(telephony, "13700137000");
        await Expect(agent1.Locator("#call-panel")).ToHaveAttributeAsync("data-call-id", callId);
        await agent1.Locator("#call-accept").ClickAsync();
        await Expect(agent1.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");

        // The picker lists the colleague with the status the seat has right now.
        await agent1.Locator("#transfer-target").FocusAsync();
        await Expect(agent1.Locator("#transfer-choices option[value='A002']")).ToHaveTextAsync("何静 · 就绪");
        // For an outside number it lists the merchants by name, each standing for its service phone.
        await agent1.Locator("#transfer-kind").SelectOptionAsync("external");
        await agent1.Locator("#transfer-target").FocusAsync();
        var merchant = agent1.Locator("#transfer-choices option", new() { HasText = "郑州安心家政服务有限公司 (M001)" });
        await Expect(merchant).ToHaveAttributeAsync("value", new System.Text.RegularExpressions.Regex(@"^\d{7,12}$"));
        await agent1.Locator("#transfer-kind").SelectOptionAsync("agent");

        // A name that is no seat is said to be unknown, not busy.
        await agent1.Locator("#transfer-target").FillAsync("agent9");
        await agent1.Locator("#call-transfer").ClickAsync();
        await Expect(agent1.Locator("#console-error")).ToContainTextAsync("没有这个座席");
        await Expect(agent1.Locator("#console-error")).Not.ToContainTextAsync("不空闲");

        // The login works as well as the work number, and the note travels with the call.
        await agent1.Locator("#transfer-target").FillAsync("agent2");
        await agent1.Locator("#transfer-note").FillAsync("客户要约周六保洁，地址已核实");
        await agent1.Locator("#call-transfer").ClickAsync();

        await Expect(agent2.Locator("#call-panel")).ToHaveAttributeAsync("data-call-id", callId);
        await Expect(agent2.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Ringing");
        await Expect(agent2.Locator("#call-transferred")).ToContainTextAsync("由 林晓燕 (A001) 转来");
        await Expect(agent2.Locator("#call-transferred")).ToContainTextAsync("客户要约周六保洁，地址已核实");
        await Expect(agent1.Locator("#call-panel")).ToBeHiddenAsync();
        Assert.Empty(session.ScriptErrors(agent1));
        Assert.Empty(session.ScriptErrors(agent2));
    });

    private sealed record Place(string NameZh);

    // Long ring and wrap-up times keep the server's timers out of the test (read by the directory on first use).
    private Task LongRingAndWrapUp() => Deployment.Sql("UPDATE call_queue SET ring_timeout_seconds = 300, wrap_up_seconds = 600");

    private HttpClient Telephony()
    {
        var client = new HttpClient { BaseAddress = Web.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        return client;
    }

    private static async Task<string> Offer(HttpClient telephony, string caller, string? ivrChoice = "2")
    {
        var callId = $"day-{Guid.NewGuid():N}";
        await Send(telephony, "/api/cti/calls", new { callId, caller, dialled = Hotline, trunk = "T1", ivrChoice }, $"offer-{callId}");
        return callId;
    }

    private static Task Hangup(HttpClient telephony, string callId) =>
        Send(telephony, $"/api/cti/calls/{callId}/hangup", new { leg = "caller", cause = "normal" }, $"hangup-{callId}");

    private static async Task Send(HttpClient telephony, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await telephony.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
