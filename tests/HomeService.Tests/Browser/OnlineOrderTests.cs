using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The online order (网络订单) on a desktop and on a phone: a guest is asked to sign in; a member orders 开荒保洁 from the
/// service's page, a missing required field is named in Chinese, and the order is placed once even if the same form
/// is sent twice (a double click or a refresh).
/// </summary>
public sealed class OnlineOrderTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task A_member_orders_from_a_services_page_and_a_repeated_form_makes_one_order(string screen) => InBrowser(async session =>
    {
        var phone = screen == "phone";
        var viewport = phone ? new ViewportSize { Width = 375, Height = 812 } : new ViewportSize { Width = 1280, Height = 800 };
        var guest = await session.Open(Web, "guest", "zh-CN", viewport, phone);
        await Go(guest, "/order?category=deep-clean");
        await Expect(guest.Locator("#order-sign-in")).ToBeVisibleAsync();
        await Expect(guest.Locator("#order-form")).ToHaveCountAsync(0);

        var member = await session.Open(Web, "resident", "zh-CN", viewport, phone);
        await SignIn(member, "resident");
        await IsOn(member, "/member");
        await Go(member, "/services/deep-clean");
        await member.Locator("#order-button").ClickAsync();
        await IsOn(member, "/order");
        var form = member.Locator("#order-form");
        await form.Locator("[name='Form.Address']").FillAsync("金水区花园路 8 号院 3 号楼 2 单元 501");
        await form.Locator("[name='Form.District']").SelectOptionAsync("金水区");
        await form.Locator("[name='Form.Slot']").SelectOptionAsync("10-12");
        await member.Locator("#order-submit").ClickAsync();
        // The rooms are required for 开荒保洁: named in Chinese, nothing placed, the rest kept.
        await Expect(member.Locator(".field-error[data-field='requirements.rooms']")).ToHaveTextAsync("请填写房间数。");
        await Expect(form.Locator("[name='Form.Address']")).ToHaveValueAsync("金水区花园路 8 号院 3 号楼 2 单元 501");
        Assert.Equal(0L, await Deployment.Scalar<long>("SELECT count(*) FROM work_order WHERE member_id = 'R0001' AND channel = 'web'"));

        await form.Locator("[name='Form.Requirements[rooms]']").FillAsync("3");
        // Keep the form as it is sent, to send it a second time afterwards.
        var sent = await member.EvaluateAsync<string>("() => new URLSearchParams(new FormData(document.getElementById('order-form'))).toString()");
        await member.Locator("#order-submit").ClickAsync();
        var placed = member.Locator("#order-placed");
        await Expect(placed).ToContainTextAsync("已提交");
        var orderNo = (await placed.TextContentAsync())!.Split(' ', '：', '，').First(w => w.StartsWith("WO"));

        var again = await member.EvaluateAsync<string>("""
            body => fetch('/order', { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }).then(r => r.url)
            """, sent);
        Assert.EndsWith($"placed={orderNo}", again);
        Assert.Equal(1L, await Deployment.Scalar<long>("SELECT count(*) FROM work_order WHERE member_id = 'R0001' AND channel = 'web'"));
        Assert.Equal("deep-clean", await Deployment.Scalar<string>("SELECT category_code FROM work_order WHERE order_no = $1", orderNo));

        var widths = await member.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the order page is {widths[0]} px wide on a {widths[1]} px screen");
    }, variant: screen);
}
