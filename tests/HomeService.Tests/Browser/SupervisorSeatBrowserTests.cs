using System.Net.Http.Json;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;
using HomeService.Tests.Reliability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The supervisor seat (班长席) and an agent console side by side in Chromium: the supervisor monitors agent1's call
/// (the switch is told), whispers (the agent sees it), barges in (the agent sees a third party) and force-releases it
/// with a reason (the agent's call ends), and the audit on the page lists all four with who, whom and why.
/// </summary>
public sealed class SupervisorSeatBrowserTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task A_supervisor_monitors_whispers_barges_and_force_releases_a_call_the_agent_sees_it_and_the_audit_lists_it() => InBrowser(async session =>
    {
        // Long ring and wrap-up times keep the server's timers out of the test. The directory reads them on first use.
        await Deployment.Sql("UPDATE call_queue SET ring_timeout_seconds = 300, wrap_up_seconds = 600");

        var agent = await AgentReadyAtConsole(session, Web, "agent1");

        // The supervisor signs in and lands on the supervisor seat.
        var supervisor = await session.Open(Web, "supervisor");
        await SignIn(supervisor, "supervisor");
        await IsOn(supervisor, "/supervisor");
        await Expect(supervisor.Locator("body")).ToHaveAttributeAsync("data-supervisor", "ready");
        await LiveConnectionIsUp(supervisor);
        await Expect(supervisor.Locator("section#live-kpis")).ToHaveCountAsync(1);
        var row = supervisor.Locator("#agents tr[data-agent-id='A001']");
        await Expect(row).ToHaveAttributeAsync("data-status", "Available");

        // A caller chooses "service"; agent1 answers on the console. The wallboard follows by push.
        var callId = await Offer();
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Ringing");
        await agent.Locator("#call-accept").ClickAsync();
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");
        await Expect(row).ToHaveAttributeAsync("data-call-id", callId);
        await Expect(row.Locator(".call")).ToContainTextAsync("138****5678"); // the wallboard has no need for the whole number

        // 监听: the switch gets the supervisor's seat in listen mode; the agent is not told.
        await Act(supervisor, row, "listen", "质检抽查");
        await Expect(row).ToHaveAttributeAsync("data-mode", "listen");
        await Eventually.True(() => Task.FromResult(SupervisorModeAtSwitch(callId) == "listen"), TimeSpan.FromSeconds(30), "the switch has the supervisor listening");
        Assert.Contains(Switch.CommandsFor(callId), c => c.Command == "supervise" && c.Argument!.EndsWith(" listen"));
        await Expect(agent.Locator("#call-legs")).ToBeVisibleAsync();
        await Expect(agent.Locator("#supervisor-indicator")).ToBeHiddenAsync();

        // 耳语: the agent sees the whisper indicator.
        await Act(supervisor, row, "whisper", "指导新员工话术");
        await Expect(agent.Locator("#supervisor-indicator")).ToHaveAttributeAsync("data-mode", "whisper");
        await Expect(agent.Locator("#supervisor-indicator")).ToContainTextAsync("耳语");
        Assert.Equal("whisper", SupervisorModeAtSwitch(callId));

        // 强插: the agent sees a third party on the call.
        await Act(supervisor, row, "barge", "客户要求班长介入");
        await Expect(agent.Locator("#party-list li[data-kind='supervisor']")).ToBeVisibleAsync();
        await Expect(agent.Locator("#supervisor-indicator")).ToContainTextAsync("三方通话");

        // 强拆, by keyboard: the reason dialog takes the focus, Tab reaches 确定, Enter confirms.
        await row.Locator("button[data-action='force-release']").FocusAsync();
        await supervisor.Keyboard.PressAsync("Enter");
        await Expect(supervisor.Locator("#reason-dialog")).ToBeVisibleAsync();
        await Expect(supervisor.Locator("#reason-text")).ToBeFocusedAsync();
        await supervisor.Keyboard.TypeAsync("占线超时，客户已在另一线路");
        await supervisor.Keyboard.PressAsync("Tab");
        await Expect(supervisor.Locator("#reason-ok")).ToBeFocusedAsync();
        await supervisor.Keyboard.PressAsync("Enter");

        // The agent's call ends and the console says why; the seat goes to wrap-up.
        await Expect(agent.Locator("#call-panel")).ToBeHiddenAsync();
        await Expect(agent.Locator("#call-ended-notice")).ToHaveTextAsync("通话已被班长强拆。");
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "AfterCallWork");
        await Expect(row).ToHaveAttributeAsync("data-status", "AfterCallWork");
        Assert.False(Switch.LegsOf(callId)!.CallerConnected);

        // The audit lists the four actions with who, whom and why.
        var audit = supervisor.Locator($"#audit tr[data-call-id='{callId}']");
        await Expect(audit).ToHaveCountAsync(4);
        await Expect(audit.Nth(0)).ToContainTextAsync("强拆");
        await Expect(audit.Nth(0)).ToContainTextAsync("占线超时，客户已在另一线路");
        await Expect(audit.Nth(1)).ToContainTextAsync("强插");
        await Expect(audit.Nth(1)).ToContainTextAsync("客户要求班长介入");
        await Expect(audit.Nth(2)).ToContainTextAsync("耳语");
        await Expect(audit.Nth(3)).ToContainTextAsync("监听");
        await Expect(audit.Nth(3)).ToContainTextAsync("质检抽查");
        for (var i = 0; i < 4; i++)
        {
            await Expect(audit.Nth(i)).ToContainTextAsync("周敏");
            await Expect(audit.Nth(i)).ToContainTextAsync("林晓燕");
        }
    });

    [Fact]
    public Task The_longest_wait_of_a_queue_keeps_counting_while_a_caller_waits_and_nothing_else_happens() => InBrowser(async session =>
    {
        var supervisor = await session.Open(Web, "supervisor");
        await SignIn(supervisor, "supervisor");
        await IsOn(supervisor, "/supervisor");
        await LiveConnectionIsUp(supervisor);

        // No agent is logged in: the complaint waits, and nothing about the queue changes after it has joined.
        using var telephony = new SwitchClient(Web);
        (await telephony.Offer("waiting-1", "13912340001", ivrChoice: "3")).EnsureSuccessStatusCode();

        var complaint = supervisor.Locator("#queues tr[data-queue-id='complaint']");
        await Expect(complaint.Locator(".waiting")).ToHaveTextAsync("1");
        await Expect(complaint.Locator(".longest")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^([4-9]|\d{2,})s$"),
            new() { Timeout = 15_000 });
    });

    [Fact]
    public Task An_agent_adds_a_merchant_to_the_call_and_leaves_it_with_the_caller_and_the_merchant_still_talking() => InBrowser(async session =>
    {
        await Deployment.Sql("UPDATE call_queue SET ring_timeout_seconds = 300, wrap_up_seconds = 600");
        var agent = await AgentReadyAtConsole(session, Web, "agent1");
        var callId = await Offer();
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Ringing");
        await agent.Locator("#call-accept").ClickAsync();
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");

        // 添加通话方: the merchant's contact phone is dialled into the call.
        await Expect(agent.Locator("#party-leave")).ToBeHiddenAsync(); // nobody to leave to yet: 挂断 ends the call
        await agent.Locator("#party-kind").SelectOptionAsync("merchant");
        await agent.Locator("#party-target").FillAsync("M001");
        await agent.Locator("#party-add").ClickAsync();
        await Expect(agent.Locator("#party-list li[data-kind='merchant']")).ToContainTextAsync("郑州安心家政服务有限公司");
        Assert.Contains("external:037160001001", Switch.LegsOf(callId)!.Parties);

        // 离开: the agent's call is over, the caller and the merchant stay connected.
        await agent.Locator("#party-leave").ClickAsync();
        await Expect(agent.Locator("#call-panel")).ToBeHiddenAsync();
        await Expect(agent.Locator("#call-legs")).ToBeHiddenAsync();
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "AfterCallWork");
        var legs = Switch.LegsOf(callId)!;
        Assert.True(legs.CallerConnected);
        Assert.Empty(legs.Agents);
        Assert.Equal(["external:037160001001"], legs.Parties);
    });

    private async Task<string> Offer()
    {
        var callId = $"sim-{Guid.NewGuid():N}";
        using var telephony = new HttpClient { BaseAddress = Web.BaseAddress };
        telephony.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        using var offer = new HttpRequestMessage(HttpMethod.Post, "/api/cti/calls")
            { Content = JsonContent.Create(new { callId, caller = "13812345678", dialled = "037112345", trunk = "T1", ivrChoice = "2" }) };
        offer.Headers.Add("Idempotency-Key", $"offer-{callId}");
        Assert.True((await telephony.SendAsync(offer)).IsSuccessStatusCode);
        return callId;
    }

    private SimulatedSwitch Switch => Deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>();

    private string? SupervisorModeAtSwitch(string callId) => Switch.LegsOf(callId)?.Supervisors.Values.SingleOrDefault();

    /// <summary>Clicks an action of the agent's row and gives the reason the dialog asks for.</summary>
    private static async Task Act(IPage supervisor, ILocator row, string action, string reason)
    {
        await row.Locator($"button[data-action='{action}']").ClickAsync();
        await Expect(supervisor.Locator("#reason-dialog")).ToBeVisibleAsync();
        await supervisor.Locator("#reason-text").FillAsync(reason);
        await supervisor.Locator("#reason-ok").ClickAsync();
        await Expect(supervisor.Locator("#reason-dialog")).ToBeHiddenAsync();
        await Expect(supervisor.Locator("#supervisor-error")).ToBeHiddenAsync();
    }
}
