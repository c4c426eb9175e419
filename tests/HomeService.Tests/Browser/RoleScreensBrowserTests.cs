using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HomeService.Tests.Browser;

/// <summary>
/// Each role's main page fits the screen that role works on: 1366×768 for the desks (console, supervisor, wallboard,
/// merchant, admin), a 375 px phone for residents and workers. Nothing needs sideways scrolling, neither the page nor a
/// table inside it, and no element spills out of its box.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class RoleScreensBrowserTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Theory]
    [InlineData("agent1", "/console", 1366)]
    [InlineData("supervisor", "/supervisor", 1366)]
    [InlineData("supervisor", "/wallboard", 1366)]
    [InlineData("merchant1", "/merchant", 1366)]
    [InlineData("admin", "/admin", 1366)]
    [InlineData("admin", "/admin/merchants", 1366)]
    [InlineData("resident", "/member", 375)]
    [InlineData("worker1", "/worker", 375)]
    [InlineData("guest", "/", 375)]
    [InlineData("guest", "/order?category=hourly", 375)]
    public Task A_roles_main_page_fits_its_screen(string login, string path, int width) => InBrowser(async session =>
    {
        var phone = width < 600;
        var page = await session.Open(shared.WebA, login, "zh-CN", new ViewportSize { Width = width, Height = phone ? 812 : 768 }, mobile: phone);
        if (login != "guest") await SignIn(page, login);
        await Go(page, path);
        await Loaded(page);
        await page.WaitForTimeoutAsync(1000); // live lists fill in after the first paint
        var problems = await Overflowing(page);
        Assert.True(problems.Length == 0, $"{path} at {width} px: {string.Join("; ", problems)}");
    }, variant: $"{login}-{width}");

    /// <summary>The page itself, or any visible element in it, wider than its box: what the user would have to scroll sideways to read.</summary>
    internal static Task<string[]> Overflowing(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
          const found = [];
          const root = document.scrollingElement;
          if (root.scrollWidth > window.innerWidth + 1) found.push(`the page is ${root.scrollWidth} px wide on a ${window.innerWidth} px screen`);
          const name = (e) => (e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''}`)
            + ` "${(e.textContent || '').trim().slice(0, 20)}"`;
          for (const e of document.querySelectorAll('body *')) {
            if (e.offsetParent === null || e.closest('[hidden], dialog:not([open])')) continue;
            if (['SCRIPT', 'STYLE', 'svg', 'CANVAS', 'OPTION', 'TEXTAREA', 'SELECT', 'INPUT', 'PRE'].includes(e.tagName)) continue;
            const style = getComputedStyle(e);
            const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
            if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 && (scrolls || style.overflowX === 'visible'))
              found.push(`${name(e)} holds ${e.scrollWidth} px in ${e.clientWidth} px`);
            const box = e.getBoundingClientRect();
            if (box.width > 0 && box.right > window.innerWidth + 1) found.push(`${name(e)} ends at ${Math.round(box.right)} px`);
            if (found.length >= 8) break;
          }
          return found;
        }
        """);
}
