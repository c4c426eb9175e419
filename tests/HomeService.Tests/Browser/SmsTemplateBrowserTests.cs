using HomeService.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// 短信模板 in a real browser: the admin finds the page from the SMS log, reads the verification code's wording and its
/// preview, tries a kind with a value of their own (the page posts back, no script needed), and is told in Chinese, at
/// the field, that a link is too long.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class SmsTemplateBrowserTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task The_admin_reads_each_kind_with_its_preview_and_tries_one_with_a_value_of_their_own() => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "admin");
        await SignIn(page, "admin");
        await IsOn(page, "/admin");
        await Go(page, "/admin/sms");
        await page.Locator("#sms-templates-link").ClickAsync();
        await IsOn(page, "/admin/sms/templates");
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("短信模板");

        // The shared deployment sends through the development provider, which takes every kind by its own name.
        var code = page.Locator("tr.sms-template[data-kind='verification.code']");
        await Expect(code.Locator(".template-name")).ToHaveTextAsync("验证码");
        await Expect(code.Locator(".template-text")).ToHaveTextAsync("您的验证码为${code}，${minutes}分钟内有效。如非本人操作，请忽略本短信。");
        await Expect(code.Locator(".template-sample")).ToHaveTextAsync("【家政服务中心】您的验证码为386025，5分钟内有效。如非本人操作，请忽略本短信。");
        await Expect(code.Locator(".template-urgency .badge")).ToHaveTextAsync("即时");
        await Expect(code.Locator(".template-code[data-provider='development']")).ToHaveTextAsync("verification.code");
        await Expect(page.Locator(".template-missing")).ToHaveCountAsync(0);
        await Expect(page.Locator("#templates-unsendable")).ToHaveCountAsync(0);

        // A new visit time of the admin's own; the other values stay the made-up ones.
        var rescheduled = page.Locator("tr.template-try[data-kind='member.order.rescheduled']");
        await rescheduled.Locator("summary").ClickAsync();
        await rescheduled.Locator("input[data-param='windowStart']").FillAsync("12月9日 09:30");
        await rescheduled.Locator("button.template-preview").ClickAsync();
        await Expect(rescheduled.Locator(".template-result-text")).ToHaveTextAsync("【家政服务中心】您的订单WO20261207000123已改约，新的上门时间12月9日 09:30。");
        await Expect(rescheduled.Locator(".template-result-cost")).ToContainTextAsync("计费 1 条");
        await Expect(rescheduled.Locator("input[data-param='windowStart']")).ToHaveValueAsync("12月9日 09:30");

        // A link is never cut, so one longer than the template allows is refused at its field.
        var setup = page.Locator("tr.template-try[data-kind='account.setup-link']");
        await setup.Locator("summary").ClickAsync();
        await setup.Locator("input[data-param='link']").FillAsync("https://jz.example.cn/account/setup?token=" + new string('x', 100));
        await setup.Locator("button.template-preview").ClickAsync();
        await Expect(setup.Locator(".field-error[data-field='values.link']")).ToHaveTextAsync("链接不能超过 110 个字。");
        await Expect(setup.Locator(".template-result")).ToHaveCountAsync(0);
        await Expect(rescheduled.Locator(".template-result")).ToHaveCountAsync(0);
        Assert.Empty(session.ScriptErrors(page));
    });
}
