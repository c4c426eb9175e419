using HomeService.Tests.Infrastructure;
using System.Text.RegularExpressions;
using HomeService.Tests.Members;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// A resident signs up on a phone (375 px): from the login page to /member/register, "send code" counts down, a wrong code
/// is named next to its field, the right one (read on the development SMS provider's page, as from the phone) signs them in on /member, where they add an
/// address that is still there after a reload. Nothing scrolls sideways and the buttons are big enough to tap.
/// </summary>
public sealed class MemberRegistrationTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Fact]
    public Task A_resident_registers_on_a_phone_adds_an_address_orders_from_the_address_book_and_sees_the_acceptance_live() => InBrowser(async session =>
    {
        var page = await session.Open(Web, "resident", "zh-CN", Phone, mobile: true);
        await Go(page, "/login");
        await page.Locator("#register-link").ClickAsync();
        await IsOn(page, "/member/register");
        await Expect(page.Locator("h1#page-title")).ToHaveTextAsync("会员注册");
        await Loaded(page);
        await NoSidewaysScroll(page);
        foreach (var target in new[] { "#member-send-code", "#member-submit", "#member-phone" }) await Tappable(page, target);

        await page.Locator("#member-phone").FillAsync("135 1234 0051");
        await page.Locator("#member-send-code").ClickAsync();
        await Expect(page.Locator("#member-code-status")).ToHaveTextAsync("验证码已发送，5 分钟内有效。");
        await Expect(page.Locator("#member-send-code")).ToBeDisabledAsync();
        await Expect(page.Locator("#member-send-code")).ToHaveTextAsync(new Regex(@"^\d+ 秒后重发$"));
        var code = await CodeOnDevSmsPage(session, Web, "13512340051");

        await page.Locator("#member-code").FillAsync(((int.Parse(code) + 1) % 1_000_000).ToString("D6"));
        await page.Locator("#member-name").FillAsync("郑雪");
        await page.Locator("#member-password").FillAsync("Zheng2026home");
        await page.Locator("#member-submit").ClickAsync();
        await Expect(page.Locator(".field-error[data-field='code']")).ToHaveTextAsync("验证码不正确。");
        await Expect(page.Locator("#member-code")).ToBeFocusedAsync();
        await IsOn(page, "/member/register");

        await page.Locator("#member-code").FillAsync(code);
        await page.Locator("#member-submit").ClickAsync();
        await IsOn(page, "/member");
        await Expect(page.Locator("#profile-phone")).ToHaveTextAsync("13512340051");
        await Expect(page.Locator("#profile-name")).ToHaveValueAsync("郑雪");
        await Loaded(page);
        await NoSidewaysScroll(page);

        await page.Locator("#profile-add-address").ClickAsync();
        var row = page.Locator("#profile-addresses .address-row");
        await Expect(row).ToHaveCountAsync(1);
        await row.Locator(".address-label").FillAsync("家");
        await row.Locator(".address-district").SelectOptionAsync("金水区");
        await row.Locator(".address-address").FillAsync("经三路 15 号 6 号楼 1203");
        await Tappable(page, "#profile-save");
        await Tappable(page, "#profile-addresses .address-remove");
        await page.Locator("#profile-save").ClickAsync();
        await Expect(page.Locator("#profile-saved")).ToHaveTextAsync("资料已保存。");
        await NoSidewaysScroll(page);

        await page.ReloadAsync();
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".address-address")).ToHaveValueAsync("经三路 15 号 6 号楼 1203");
        await Expect(row.Locator(".address-district")).ToHaveValueAsync("金水区");
        Assert.Empty(session.ScriptErrors(page));

        // The new member orders from the address book, and watches the merchant's acceptance arrive without a reload.
        await Go(page, "/order?category=hourly");
        var book = page.Locator("#address-book-choices");
        await Expect(book).ToContainTextAsync("家 · 经三路 15 号 6 号楼 1203（金水区）");
        await Expect(book.Locator("input[value='0']")).ToBeCheckedAsync();
        await page.Locator("#order-form [name='Form.Slot']").SelectOptionAsync("08-10");
        await page.Locator("#order-submit").ClickAsync();
        var placed = page.Locator("#order-placed");
        await Expect(placed).ToContainTextAsync("已提交");
        var orderNo = (await placed.TextContentAsync())!.Split(' ', '：', '，').First(w => w.StartsWith("WO"));
        Assert.Equal(("经三路 15 号 6 号楼 1203", "金水区"), (await Deployment.Scalar<string>("SELECT address FROM work_order WHERE order_no = $1", orderNo),
            await Deployment.Scalar<string>("SELECT district FROM work_order WHERE order_no = $1", orderNo)));

        await Go(page, "/member");
        await LiveConnectionIsUp(page);
        var status = page.Locator($".member-order[data-order='{orderNo}'] .member-order-status");
        await Expect(status).ToHaveTextAsync("已派单待接单", new() { Timeout = 20_000 });
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).IsSuccessStatusCode);
        await Expect(status).ToHaveTextAsync("已接单");
    });

    private static async Task NoSidewaysScroll(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{PathOf(page)} is {widths[0]} px wide on a {widths[1]} px screen");
        Assert.Equal(Phone.Width, widths[1]);
    }

    private static async Task Tappable(IPage page, string selector)
    {
        var box = await page.Locator(selector).First.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box!.Height >= 44, $"{selector} is {box.Height} px high");
    }
}
