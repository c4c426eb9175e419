using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HomeService.Tests.Browser;

/// <summary>
/// Every page of every role runs under the Content-Security-Policy without a single violation and without a console
/// error: no inline script, handler or javascript: link is left in the markup (they would be blocked, and a blocked
/// onchange only shows when someone uses it, so the markup is read too), and every script, style, image, font, frame and
/// connection (the SignalR WebSocket among them) comes from the center's own site.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class ContentSecurityBrowserTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    /// <summary>
    /// Each role's pages (the authorization table's page routes with the demo center's ids). Left out: /denied and 404s,
    /// which answer with an error status by design, so Chromium reports their main document as a failed load; their
    /// headers are checked by SecurityHeadersTests.
    /// </summary>
    private static readonly Dictionary<string, string[]> PagesOf = new()
    {
        ["guest"] =
        [
            "/", "/services", "/services/deep-clean", "/merchants", "/merchants/M001", "/search?q=保洁", "/order", "/order?category=hourly",
            "/callback", "/news", "/faq", "/developers", "/join", "/member/register", "/member/reset", "/login",
            "/api/docs/index.html",
        ],
        ["resident"] = ["/member", "/order?category=hourly", "/account/password"],
        ["agent1"] = ["/console", "/recordings"],
        ["supervisor"] = ["/supervisor", "/wallboard", "/recordings", "/reports/calls", "/campaigns", "/admin/call-center/ivr/037112345"],
        ["merchant1"] = ["/merchant"],
        ["worker1"] = ["/worker"],
        ["admin"] =
        [
            "/admin", "/admin/merchants", "/admin/articles", "/admin/accounts", "/admin/accounts/new", "/admin/accounts/agent1",
            "/admin/audit", "/admin/sms", "/admin/sms/dev", "/admin/sms/notices", "/admin/sms/templates", "/admin/settings",
            "/admin/keys", "/admin/catalogue", "/admin/catalogue/places", "/admin/call-center", "/admin/call-center/seats",
            "/admin/call-center/seats/A001", "/admin/call-center/queues", "/admin/call-center/queues/service",
            "/admin/call-center/reasons", "/admin/call-center/teams", "/admin/call-center/departments",
            "/admin/call-center/hotlines", "/admin/call-center/hotlines/037112345", "/admin/call-center/calendar",
            "/admin/call-center/blacklist", "/admin/call-center/what-if", "/wallboard", "/reports/calls", "/campaigns",
        ],
    };

    public static TheoryData<string> Roles() => new(PagesOf.Keys);

    [Theory]
    [MemberData(nameof(Roles))]
    public Task Every_page_of_a_role_runs_under_the_policy_without_a_violation_or_a_console_error(string login) => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, login, "zh-CN", new ViewportSize { Width = 1366, Height = 768 });
        var found = new List<string>();
        // The event as well as the console line: a report that reached no console would still be counted.
        await page.Context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
              console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy"))
                lock (found) found.Add($"{PathOf(page)}: {message.Text}");
        };
        if (login != "guest") await SignIn(page, login);

        foreach (var path in PagesOf[login])
        {
            await Go(page, path);
            await Loaded(page);
            await page.WaitForTimeoutAsync(800); // live lists, charts and the SignalR connection start after the first paint
            var inline = await page.EvaluateAsync<string[]>("""
                () => {
                  const found = [];
                  for (const e of document.querySelectorAll('*')) {
                    for (const a of e.attributes) if (/^on/i.test(a.name)) found.push(`${e.tagName.toLowerCase()}[${a.name}]`);
                    if (e.tagName === 'SCRIPT' && !e.src && e.type !== 'application/json' && e.textContent.trim()) found.push('inline <script>');
                    for (const name of ['href', 'src', 'action', 'formaction'])
                      if (/^\s*javascript:/i.test(e.getAttribute(name) || '')) found.push(`${e.tagName.toLowerCase()}[${name}=javascript:]`);
                  }
                  return found;
                }
                """);
            found.AddRange(inline.Select(i => $"{path}: {i}"));
        }
        // Leaving the last page ends its live connection cleanly, so nothing is pending at the check.
        lock (found)
            Assert.True(found.Count == 0, $"{login}: {found.Count} problem(s):\n{string.Join("\n", found.Distinct().Take(30))}");
        Assert.Empty(session.ScriptErrors(page));
    }, variant: login);
}
