using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The online order (网络订单) on a desktop and on a phone: a guest proves the phone by SMS code; a member orders 开荒保洁 from the
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
        // A guest is offered to sign in, and otherwise asked for a phone number to verify.
        await Expect(guest.Locator("#order-sign-in")).ToBeVisibleAsync();
        await Expect(guest.Locator("#order-form [name='Form.ContactPhone']")).ToBeVisibleAsync();

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

    [Fact]
    public Task A_guest_finds_deep_cleaning_from_the_home_page_proves_the_phone_with_an_sms_code_and_orders() => InBrowser(async session =>
    {
        // From the home page: search, the service's page, its order button.
        var guest = await session.Open(Web, "guest");
        await Go(guest, "/");
        await guest.Locator("#home-q").FillAsync("开荒保洁");
        await guest.Locator("#home-search button").ClickAsync();
        await guest.Locator("#search-services li[data-category='deep-clean'] a").ClickAsync();
        await IsOn(guest, "/services/deep-clean");
        await guest.Locator("#order-button").ClickAsync();
        await IsOn(guest, "/order");
        var form = guest.Locator("#order-form");
        await form.Locator("[name='Form.Requirements[rooms]']").FillAsync("4");
        await form.Locator("[name='Form.ContactName']").FillAsync("赵先生");
        await form.Locator("[name='Form.ContactPhone']").FillAsync("13612349876");
        await guest.Locator("#send-code").ClickAsync();
        await Expect(guest.Locator("#code-message")).ToContainTextAsync("验证码已发送");
        var code = await CodeOnDevSmsPage(session, Web, "13612349876");
        Assert.Matches("^[0-9]{6}$", code);

        await form.Locator("[name='Form.Address']").FillAsync("二七区大学路 66 号 3 单元 201");
        await form.Locator("[name='Form.District']").SelectOptionAsync("二七区");
        await form.Locator("[name='Form.Slot']").SelectOptionAsync("15-17");
        await form.Locator("[name='Form.Code']").FillAsync(code == "000000" ? "111111" : "000000");
        await guest.Locator("#order-submit").ClickAsync();
        await Expect(guest.Locator(".field-error[data-field='code']")).ToHaveTextAsync("短信验证码不正确。");
        Assert.Equal(0L, await Deployment.Scalar<long>("SELECT count(*) FROM work_order WHERE contact_phone = '13612349876'"));

        await form.Locator("[name='Form.Code']").FillAsync(code!);
        await guest.Locator("#order-submit").ClickAsync();
        await Expect(guest.Locator("#order-placed")).ToContainTextAsync("已提交");
        Assert.Equal(("web", "赵先生"), (await Deployment.Scalar<string>("SELECT channel FROM work_order WHERE contact_phone = '13612349876'"),
            await Deployment.Scalar<string>("SELECT contact_name FROM work_order WHERE contact_phone = '13612349876'")));
    });

    [Fact]
    public Task A_members_complaint_about_their_order_reaches_the_agents_complaint_desk() => InBrowser(async session =>
    {
        var member = await session.Open(Web, "resident");
        await SignIn(member, "resident");
        await IsOn(member, "/member");
        await Go(member, "/ask?kind=complaint");
        var form = member.Locator("#ask-form");
        await form.Locator("#ask-submit").ClickAsync();
        await Expect(form.Locator(".field-error[data-field='relatedOrderNo']")).ToHaveTextAsync("请填写相关订单。");
        await form.Locator("[name='Form.RelatedOrderNo']").SelectOptionAsync("WO20261118002");
        await form.Locator("[name='Form.Text']").FillAsync("保姆连续两天迟到一个多小时");
        await form.Locator("#ask-submit").ClickAsync();
        var done = member.Locator("#ask-done");
        await Expect(done).ToContainTextAsync("已收到");
        var complaintNo = (await done.TextContentAsync())!.Split(' ', '，', '。').First(w => w.StartsWith("WO"));

        // Against the merchant of the member's own order, and in the complaint desk's queue.
        Assert.Equal("M001", await Deployment.Scalar<string>("SELECT against_merchant_id FROM work_order WHERE order_no = $1", complaintNo));
        var agent = await session.Open(Web, "agent1");
        await SignIn(agent, "agent1");
        var queue = await agent.APIRequest.GetAsync("/api/work-queues/complaints");
        Assert.Contains(complaintNo, await queue.TextAsync());
    });
}
