using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The information center in a real browser: the admin writes a notice in Markdown on /admin (a missing title is named
/// next to its field), saves it as a draft and publishes it; a resident on a 375 px phone with scripts turned off finds
/// it on /news and reads it, headings and list intact and nothing wider than the screen.
/// </summary>
public sealed class InformationCenterBrowserTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };
    private const string Title = "关于调整钟点工服务参考价格的公告";

    [Fact]
    public Task The_admin_publishes_a_notice_and_a_visitor_reads_it_on_a_phone() => InBrowser(async session =>
    {
        // 1. The admin's article panel lists the seeded articles.
        var admin = await session.Open(Web, "admin");
        await SignIn(admin, "admin");
        await IsOn(admin, "/admin");
        await admin.Locator("#admin-menu a[data-section='articles']").ClickAsync();
        await IsOn(admin, "/admin/articles");
        var panel = admin.Locator("#articles-panel");
        await Expect(panel).ToHaveAttributeAsync("data-ready", "true");
        await Expect(panel.Locator("#articles tbody tr")).ToHaveCountAsync(9);

        // 2. Without a title the form says so next to the field, and nothing is added.
        await admin.Locator("#article-new").ClickAsync();
        var form = admin.Locator("#article-form");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("[name='kind']").SelectOptionAsync("notice");
        await form.Locator("[name='summary']").FillAsync("自下月一日起，钟点工参考价格调整为每小时 45 元。");
        await form.Locator("[name='markdown']").FillAsync(
            "## 调整内容\n\n- 钟点工：每小时 45 元\n- 深度保洁：按面积计价\n\n<img src=\"x\" onerror=\"document.title='hacked'\">详情请咨询服务热线。");
        await form.Locator("#article-save").ClickAsync();
        await Expect(form.Locator(".field-error[data-field='title']")).ToHaveTextAsync("请填写标题。");
        await Expect(form.Locator("[name='title']")).ToBeFocusedAsync();
        await Expect(panel.Locator("#articles tbody tr")).ToHaveCountAsync(9);

        // 3. With a title it is saved as a draft, at the top of the list.
        await form.Locator("[name='title']").FillAsync(Title);
        await form.Locator("#article-save").ClickAsync();
        await Expect(form).ToBeHiddenAsync();
        var row = panel.Locator("#articles tbody tr", new() { HasText = Title });
        await Expect(row.Locator(".status")).ToHaveTextAsync("草稿");
        await Expect(row.Locator(".kind")).ToHaveTextAsync("通知公告");
        var id = await row.GetAttributeAsync("data-article");
        Assert.NotNull(id);

        // 4. Published.
        await row.Locator("button.publish").ClickAsync();
        await Expect(admin.Locator("#articles-saved")).ToHaveTextAsync("已发布，公众现在可以看到。");
        await Expect(panel.Locator($"#articles tbody tr[data-article='{id}'] .status")).ToHaveTextAsync("已发布");

        // 5. A visitor on a phone, scripts off, finds it on /news from the site's navigation and reads it.
        var visitor = await session.Open(Web, "visitor", "zh-CN", Phone, mobile: true, javaScript: false);
        await Go(visitor, "/faq");
        await visitor.Locator("#nav-news").ClickAsync();
        await IsOn(visitor, "/news");
        var entry = visitor.Locator($"#news-list .news-item[data-id='{id}']");
        await Expect(entry.Locator(".news-item-title")).ToHaveTextAsync(Title);
        await Expect(entry.Locator(".badge")).ToHaveTextAsync("通知公告");
        await NothingWiderThanThePhone(visitor);

        await entry.Locator(".news-item-title").ClickAsync();
        await IsOn(visitor, $"/news/{id}");
        await Expect(visitor.Locator("h1#page-title")).ToHaveTextAsync(Title);
        await Expect(visitor).ToHaveTitleAsync($"{Title} · 家政服务网络中心");
        var body = visitor.Locator("#article-body");
        await Expect(body.Locator("h2")).ToHaveTextAsync("调整内容");
        await Expect(body.Locator("li")).ToHaveTextAsync(["钟点工：每小时 45 元", "深度保洁：按面积计价"]);
        await Expect(body).ToContainTextAsync("详情请咨询服务热线。");
        await Expect(body.Locator("[onerror]")).ToHaveCountAsync(0);
        await NothingWiderThanThePhone(visitor);
    });

    private static async Task NothingWiderThanThePhone(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");
        Assert.Equal(Phone.Width, widths[1]);
    }
}
