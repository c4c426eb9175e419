using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The sign-in form in a real browser, in both languages. Chinese sign-ins go through host A and English ones
/// through host B, which also keeps each host's per-address sign-in throttle far from its limit while the rest of
/// the shared collection signs in too.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class SignInPageTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Theory]
    [InlineData("admin", "/admin", "系统管理", "Administration")]
    [InlineData("supervisor", "/supervisor", "班长席", "Supervisor seat")]
    [InlineData("agent1", "/console", "座席工作台", "Agent console")]
    [InlineData("merchant1", "/merchant", "商户工作台", "Merchant desk")]
    [InlineData("worker1", "/worker", "我的工作", "My jobs")]
    [InlineData("resident", "/member", "会员中心", "Member center")]
    public Task Each_role_signs_in_through_the_form_and_lands_on_its_page_in_Chinese_and_English(
        string login, string landing, string chineseTitle, string englishTitle) => InBrowser(async session =>
    {
        // A Chinese browser: the form and the landing page are in Chinese.
        var zh = await session.Open(shared.WebA, "zh", locale: "zh-CN");
        await SignIn(zh, login);
        await IsOn(zh, landing);
        await Expect(zh.Locator("h1#page-title")).ToHaveTextAsync(chineseTitle);
        await Expect(zh.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        // The language link switches this page to English, and the choice outlives the page.
        await Expect(zh.Locator("#lang-switch")).ToHaveTextAsync("English");
        await zh.Locator("#lang-switch").ClickAsync();
        await Expect(zh.Locator("h1#page-title")).ToHaveTextAsync(englishTitle);
        await IsOn(zh, landing);
        await Go(zh, landing);
        await Expect(zh.Locator("h1#page-title")).ToHaveTextAsync(englishTitle);
        await Expect(zh.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(zh.Locator("#lang-switch")).ToHaveTextAsync("中文");
        Assert.Empty(session.ScriptErrors(zh));

        // An English browser gets English from the start, without touching the switch.
        var en = await session.Open(shared.WebB, "en", locale: "en-US");
        await Go(en, "/login");
        await Expect(en.Locator("h1#page-title")).ToHaveTextAsync("Sign in");
        await SignIn(en, login);
        await IsOn(en, landing);
        await Expect(en.Locator("h1#page-title")).ToHaveTextAsync(englishTitle);
        Assert.Empty(session.ScriptErrors(en));
    }, variant: login);

    [Theory]
    [InlineData("zh-CN", "用户名或密码不正确。")]
    [InlineData("en-US", "The user name or password is not correct.")]
    public Task A_wrong_password_shows_the_error_in_the_browsers_language_and_stays_on_the_form(string locale, string error) => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "visitor", locale);
        await SignIn(page, "agent2", "not-the-password");
        await Expect(page.Locator("#form-error")).ToHaveTextAsync(error);
        await IsOn(page, "/login");
        await Expect(page.Locator("#login")).ToHaveValueAsync("agent2");
        await Expect(page.Locator("#password")).ToHaveValueAsync("");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == ".HomeService.Auth");
    }, variant: locale);
}
