using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The English side reads as English: the city's districts by their English names, lists and labels with English
/// punctuation, people by their names rather than Chinese job titles; both languages write dates one way, in Beijing time;
/// and every tab shows the center's icon.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class LanguageBrowserTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task An_english_guest_reads_a_companys_districts_in_english_with_english_commas() => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "guest", "en");
        await Go(page, "/merchants/M001");
        var districts = page.Locator("#merchant-districts");
        await Expect(districts).ToHaveTextAsync("Jinshui, Zhengdong New Area, Huiji");
        var description = await page.Locator("meta[name='description']").GetAttributeAsync("content");
        Assert.DoesNotContain("、", description);
        Assert.Contains("Jinshui", description);

        var chinese = await session.Open(shared.WebA, "游客", "zh-CN");
        await Go(chinese, "/merchants/M001");
        await Expect(chinese.Locator("#merchant-districts")).ToHaveTextAsync("金水区、郑东新区、惠济区");
    });

    [Fact]
    public Task An_english_admin_sees_roles_listed_with_commas_and_demo_people_by_name() => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "admin", "en");
        await SignIn(page, "admin");
        // Names are what people wrote (another test may add "测试班长"); the product's own words are what is checked.
        // The list holds 50 a page in login order, and other tests add accounts: each demo login is searched for.
        await Go(page, "/admin/accounts?q=admin");
        await Expect(page.Locator("#accounts tr[data-login='admin'] td").Nth(1)).ToHaveTextAsync("王建华");
        await Go(page, "/admin/accounts?q=supervisor");
        await Expect(page.Locator("#accounts tr[data-login='supervisor'] td").Nth(1)).ToHaveTextAsync("周敏");
        await Expect(page.Locator("#accounts tr[data-login='supervisor'] td").Nth(2)).ToHaveTextAsync("Supervisor");
        await Go(page, "/admin/accounts");
        var roles = await page.Locator("#accounts tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(roles);
        Assert.All(roles, r => Assert.DoesNotContain("、", r));
        var headings = await page.Locator("#accounts thead").InnerTextAsync();
        Assert.DoesNotContain("：", headings);
    });

    [Fact]
    public Task Dates_read_year_month_day_and_a_24_hour_clock_in_beijing_time_in_both_languages() => InBrowser(async session =>
    {
        const string Latest = "SELECT max(at) FROM (SELECT at FROM audit_log UNION ALL SELECT at FROM supervisor_audit) a";
        foreach (var locale in new[] { "en", "zh-CN" })
        {
            var page = await session.Open(shared.WebA, $"admin-{locale}", locale);
            await SignIn(page, "admin");
            var before = new DateTimeOffset(await shared.Deployment.Scalar<DateTime>(Latest), TimeSpan.Zero);
            await Go(page, "/admin/audit");
            var first = page.Locator("#audit-rows tbody tr td").First;
            await Expect(first).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"));
            var after = new DateTimeOffset(await shared.Deployment.Scalar<DateTime>(Latest), TimeSpan.Zero);
            string Beijing(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(await first.InnerTextAsync(), new[] { Beijing(before), Beijing(after) });
        }
    });

    [Fact]
    public Task Every_tab_shows_the_centers_icon() => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "guest");
        await Go(page, "/");
        var href = await page.Locator("link[rel='icon']").GetAttributeAsync("href");
        var icon = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, icon.Status);
        Assert.StartsWith("image/svg+xml", icon.Headers["content-type"]);
        var old = await page.APIRequest.GetAsync("/favicon.ico");
        Assert.Equal(200, old.Status); // followed to the same icon
        Assert.StartsWith("image/svg+xml", old.Headers["content-type"]);
    });
}
