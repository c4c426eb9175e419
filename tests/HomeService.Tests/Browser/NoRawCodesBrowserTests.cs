using System.Text.RegularExpressions;
using HomeService.Tests.Infrastructure;
using HomeService.Web.Localization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HomeService.Tests.Browser;

/// <summary>
/// No page shows people a programmer's word: neither an enum's name (InService, ManualDispatch, Offered on a Chinese
/// page) nor a text key that missed its translation (status.Foo, field.member.phone), in either language, with the demo
/// center's data on screen.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed partial class NoRawCodesBrowserTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    public static TheoryData<string, string, string> Pages()
    {
        var pages = new (string Login, string Path)[]
        {
            ("guest", "/"), ("guest", "/services"), ("guest", "/services/deep-clean"), ("guest", "/merchants"), ("guest", "/merchants/M001"),
            ("guest", "/search?q=保洁"), ("guest", "/order?category=hourly"), ("guest", "/news"), ("guest", "/join"),
            ("resident", "/member"), ("agent1", "/console"), ("supervisor", "/supervisor"), ("supervisor", "/wallboard"),
            ("supervisor", "/recordings"), ("supervisor", "/reports/calls"), ("merchant1", "/merchant"), ("worker1", "/worker"),
            ("admin", "/admin"), ("admin", "/admin/merchants"), ("admin", "/admin/accounts"), ("admin", "/admin/catalogue"),
            ("admin", "/admin/places"), ("admin", "/admin/sms"), ("admin", "/admin/sms/templates"),
        };
        var data = new TheoryData<string, string, string>();
        foreach (var locale in new[] { "zh-CN", "en" })
            foreach (var (login, path) in pages) data.Add(login, path, locale);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public Task A_page_shows_no_enum_name_and_no_text_key(string login, string path, string locale) => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, login, locale, new ViewportSize { Width = 1366, Height = 768 });
        if (login != "guest") await SignIn(page, login);
        await Go(page, path);
        await Loaded(page);
        await page.WaitForTimeoutAsync(1000); // live lists fill in after the first paint
        // Audit trails and message logs quote codes on purpose; what is read as prose is the rest.
        var text = await page.EvaluateAsync<string>("""
            () => { const c = document.body.cloneNode(true); c.querySelectorAll('script, style, pre, code, [data-raw]').forEach(e => e.remove()); return c.innerText; }
            """);
        var found = RawCodes(text, english: locale == "en").ToList();
        Assert.True(found.Count == 0, $"{path} ({locale}) shows {string.Join(", ", found.Distinct().Take(10))}");
    }, variant: $"{login}-{locale}-{path.GetHashCode():x}");

    /// <summary>Enum names as whole words, and text keys by the families the UI text uses.</summary>
    public static IEnumerable<string> RawCodes(string text, bool english)
    {
        foreach (Match m in Word().Matches(text))
            if (EnumNames.Contains(m.Value) && (!english || Capitals().Matches(m.Value).Count > 1)) yield return m.Value;
        foreach (Match m in KeyPattern.Matches(text)) yield return m.Value;
    }

    /// <summary>Every enum member of the grain contracts; an English page may say "Closed", never "InService".</summary>
    private static readonly HashSet<string> EnumNames = typeof(HomeService.WorkOrders.WorkOrderStatus).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.IsPublic).SelectMany(Enum.GetNames).ToHashSet();

    private static readonly Regex KeyPattern = new(
        @"(?<![\w@/.])(" + string.Join("|", UiText.Keys("zh-CN").Select(k => k.Split('.')[0]).Distinct().Select(Regex.Escape)) + @")\.[a-z][\w-]*(\.[\w-]+)*(?![\w.]*@)",
        RegexOptions.Compiled);

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\b")]
    private static partial Regex Word();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex Capitals();
}
