using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

[Collection(SharedDeploymentCollection.Name)]
public sealed class MobileLayoutTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Theory]
    [InlineData("zh-CN", "家政服务网络中心")]
    [InlineData("en-US", "Domestic Service Network Center")]
    public Task The_home_page_shows_the_whole_catalogue_on_a_phone_without_sideways_scrolling(string locale, string title) => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "phone", locale, Phone, mobile: true);
        await Go(page, "/");
        await Expect(page.Locator("h1#page-title")).ToHaveTextAsync(title);
        await Expect(page.Locator("#catalogue .card")).ToHaveCountAsync(9);
        await Loaded(page);

        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");
        Assert.Equal(Phone.Width, widths[1]);
    }, variant: locale);
}
