using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// Free callback (免费网上呼) on a phone: two residents leave their numbers while no agent is free (a member their own
/// number, a guest a number proved by SMS code); the second sees place 2, and once an agent takes the first, the
/// second's page shows place 1 without a reload.
/// </summary>
public sealed class CallbackTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Fact]
    public Task A_callback_requests_place_in_the_queue_falls_as_agents_take_calls() => InBrowser(async session =>
    {
        var first = await Request(session, "first", "13800138000", member: true);
        await Expect(first.Locator("#callback-position")).ToHaveTextAsync("1");
        var second = await Request(session, "second", "13955552222");
        await Expect(second.Locator("#callback-position")).ToHaveTextAsync("2");
        await Expect(second.Locator("#callback-status")).ToContainTextAsync("您在回呼队列中排第 2 位");

        // The same number asking again is shown the request already waiting, not queued twice.
        var again = await Request(session, "again", "13800138000", member: true);
        await Expect(again.Locator("#callback-position")).ToHaveTextAsync("1");
        await Expect(again.Locator("#callback-already")).ToContainTextAsync("该号码已有一条回呼请求在排队");
        Assert.Equal(2L, await Deployment.Scalar<long>("SELECT count(*) FROM call_record WHERE dialled = 'web-callback'"));

        // An agent comes in and takes the first request: the switch dials that resident, and the second moves up.
        using var agent = await WebSession.SignIn(Web, "agent1");
        await using var live = await LiveClient.Connect(Web, agent);
        await agent.Http.PostAsync("/api/console/login", null);
        await agent.Http.PostAsync("/api/console/ready", null);
        var ringing = await live.Next("call.ringing");
        var callId = ringing.GetProperty("call").GetProperty("callId").GetString()!;
        Assert.True((await agent.Http.PostAsync($"/api/console/calls/{callId}/accept", null)).IsSuccessStatusCode);
        await Expect(first.Locator("#callback-calling")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(second.Locator("#callback-position")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
    });

    private async Task<IPage> Request(BrowserSession session, string who, string phone, bool member = false)
    {
        var page = await session.Open(Web, who, "zh-CN", Phone, mobile: true);
        if (member) await SignIn(page, phone);
        await Go(page, "/");
        await page.Locator("#free-callback").ClickAsync();
        await IsOn(page, "/callback");
        if (member)
        {
            // The member's own number is filled in and needs no code.
            await Expect(page.Locator("#callback-form [name='Form.Phone']")).ToHaveValueAsync(phone);
            await Expect(page.Locator("#callback-code-hint")).ToContainTextAsync("您本人的号码无需验证码");
        }
        else
        {
            await page.Locator("#callback-form [name='Form.Phone']").FillAsync(phone);
            await page.Locator("#send-code").ClickAsync();
            await Expect(page.Locator("#code-message")).ToContainTextAsync("验证码已发送");
            await page.Locator("#callback-form [name='Form.Code']").FillAsync(await CodeOnDevSmsPage(session, Web, phone));
        }
        await page.Locator("#callback-submit").ClickAsync();
        await Expect(page.Locator("#callback-status")).ToBeVisibleAsync();
        return page;
    }
}
