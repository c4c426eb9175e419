using System.Text.RegularExpressions;
using HomeService.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// 消息通知 in a real browser: the admin is told in Chinese what is missing, previews a notice to the workers of a skill
/// (the message with its opt-out text, its parts and how many it reaches), schedules it for tomorrow morning, and cancels it.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class GroupNoticeBrowserTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task The_admin_previews_a_notice_to_hourly_workers_schedules_it_for_tomorrow_and_cancels_it() => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "admin");
        await SignIn(page, "admin");
        await IsOn(page, "/admin");
        await Go(page, "/admin/sms");
        await page.Locator("#sms-notices-link").ClickAsync();
        await IsOn(page, "/admin/sms/notices");
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("消息通知");

        // Without a text the preview names the field, and nothing is priced.
        await page.Locator("#notice-kind").SelectOptionAsync("workers");
        await page.Locator("#notice-category").SelectOptionAsync("hourly");
        await page.Locator("#notice-preview").ClickAsync();
        await Expect(page.Locator(".field-error[data-field='text']")).ToHaveTextAsync("请填写通知内容。");
        await Expect(page.Locator("#notice-preview-result")).ToHaveCountAsync(0);

        var text = $"明早九点起请到中心领取新工服（{Guid.NewGuid().ToString("N")[..6]}）";
        await page.Locator("#notice-text").FillAsync(text);
        await page.Locator("#notice-preview").ClickAsync();
        await Expect(page.Locator("#preview-text")).ToContainTextAsync(text + "拒收请回复R");
        await Expect(page.Locator("#preview-cost")).ToHaveTextAsync(new Regex(@"每条计费 1 条；当前 [1-9]\d* 个号码"));
        await Expect(page.Locator("#notice-category")).ToHaveValueAsync("hourly"); // the form keeps what was chosen

        // Scheduled for nine tomorrow, Beijing time: it waits, and can still be cancelled.
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(1).AddHours(9);
        await page.Locator("#notice-send-at").FillAsync(tomorrow.ToString("yyyy-MM-ddTHH:mm"));
        await page.Locator("#notice-send").ClickAsync();
        await Expect(page.Locator("#notice-status")).ToHaveTextAsync("通知已提交。");
        await Expect(page.Locator("#notice-detail-text")).ToHaveTextAsync(text);
        await Expect(page.Locator("#notice-detail-status")).ToHaveAttributeAsync("data-status", "Scheduled");
        await Expect(page.Locator("#notice-detail-status")).ToContainTextAsync($"{tomorrow:yyyy-MM-dd} 09:00");
        await Expect(page.Locator("#notices tr.group-notice", new() { HasText = text })).ToHaveCountAsync(1);

        await page.Locator("#notice-cancel").ClickAsync();
        await Expect(page.Locator("#notice-status")).ToHaveTextAsync("通知已取消。");
        await Expect(page.Locator("#notice-detail-status")).ToHaveAttributeAsync("data-status", "Cancelled");
        await Expect(page.Locator("#notice-cancel")).ToHaveCountAsync(0);
        Assert.Empty(session.ScriptErrors(page));
    });
}
