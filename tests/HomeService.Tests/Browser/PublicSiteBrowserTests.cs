using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// A guest on the public site, on a desktop and on a phone: searches from the home page, finds 开荒保洁, reads its guide
/// and the companies of a district, opens one, and every page fits the screen with taps big enough for a thumb.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class PublicSiteBrowserTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task A_guest_searches_finds_a_service_and_a_company_on_any_screen(string screen) => InBrowser(async session =>
    {
        var phone = screen == "phone";
        var page = await session.Open(shared.WebA, "guest", "zh-CN",
            phone ? new ViewportSize { Width = 375, Height = 812 } : new ViewportSize { Width = 1280, Height = 800 }, mobile: phone);
        await Go(page, "/");
        await Expect(page.Locator("#online-order")).ToBeVisibleAsync();
        await Expect(page.Locator("#free-callback")).ToBeVisibleAsync();
        await FitsTheScreen(page, phone);

        await page.Locator("#home-q").FillAsync("开荒");
        await page.Locator("#home-search button").ClickAsync();
        await IsOn(page, "/search");
        var result = page.Locator("#search-services li[data-category='deep-clean'] a");
        await Expect(result).ToHaveTextAsync("开荒保洁");
        await FitsTheScreen(page, phone);

        await result.ClickAsync();
        await IsOn(page, "/services/deep-clean");
        await Expect(page.Locator("#service-price")).ToContainTextAsync("按面积计价");
        await Expect(page.Locator("#order-button")).ToHaveAttributeAsync("href", "/order?category=deep-clean");
        await page.Locator("#service-merchants select[name='district']").SelectOptionAsync("二七区");
        var company = page.Locator("#service-merchants [data-merchant='M002'] h3 a");
        await Expect(company).ToBeVisibleAsync();
        await FitsTheScreen(page, phone);

        await company.ClickAsync();
        await IsOn(page, "/merchants/M002");
        await Expect(page.Locator("h1#page-title")).ToHaveTextAsync("郑州洁净家居保洁有限公司");
        await Expect(page.Locator("#merchant-reviews .review").First).ToContainTextAsync("赵**");
        await FitsTheScreen(page, phone);
    }, variant: screen);

    /// <summary>Accessibility and search basics on every public page: a language, a title and a description; a label on every field, alt text on every picture.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/services")]
    [InlineData("/services/deep-clean")]
    [InlineData("/merchants")]
    [InlineData("/merchants/M001")]
    [InlineData("/search?q=保洁")]
    [InlineData("/order?category=deep-clean")]
    [InlineData("/callback")]
    [InlineData("/news")]
    [InlineData("/faq")]
    [InlineData("/join")]
    [InlineData("/member/register")]
    public Task Every_public_page_has_a_title_a_description_labelled_fields_and_alt_text(string path) => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "guest");
        await Go(page, path);
        await Loaded(page);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Matches(@"\S+ · ", await page.TitleAsync());
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("meta[name='description']").GetAttributeAsync("content")), $"{path} has no description");
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                .map(e => e.name || e.id || e.outerHTML.slice(0, 60))
            """);
        Assert.True(unlabelled.Length == 0, $"{path}: fields without a label: {string.Join(", ", unlabelled)}");
        var noAlt = await page.EvaluateAsync<string[]>("() => [...document.images].filter(i => !i.hasAttribute('alt')).map(i => i.src)");
        Assert.True(noAlt.Length == 0, $"{path}: pictures without alt text: {string.Join(", ", noAlt)}");
    }, variant: path.Trim('/').Replace('/', '-').Replace('?', '-'));

    [Fact]
    public Task A_keyboard_alone_reaches_the_search_and_the_order_button() => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "keyboard");
        await Go(page, "/");
        await Loaded(page);
        // Tab through the header to the search box, type, press Enter.
        for (var i = 0; i < 15 && await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != "home-q"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("home-q", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("月嫂");
        await page.Keyboard.PressAsync("Enter");
        await IsOn(page, "/search");
        await Expect(page.Locator("#search-services li[data-category='maternity-nurse']")).ToBeVisibleAsync();
        // Focus is visible and the links work by keyboard: Enter on a focused link follows it.
        await page.Locator("#search-services li[data-category='maternity-nurse'] a").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await IsOn(page, "/services/maternity-nurse");
        await page.Locator("#order-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await IsOn(page, "/order");
    });

    /// <summary>No sideways scrolling; on a phone every link and button the page offers is at least 44 px tall.</summary>
    private static async Task FitsTheScreen(IPage page, bool phone)
    {
        await Loaded(page);
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide on a {widths[1]} px screen");
        if (!phone) return;
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main a.button, main button, main .tags a, main .search-box input, main select')]
                .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
                .map(e => (e.id || e.textContent || e.name).trim())
            """);
        Assert.True(small.Length == 0, $"{page.Url}: too small to tap: {string.Join(", ", small)}");
    }
}
