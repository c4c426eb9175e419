using System.Net.Http.Json;
using HomeService.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

[Collection(SharedDeploymentCollection.Name)]
public sealed class CallKpiBrowserTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task The_supervisor_seat_s_live_panel_counts_a_new_call_without_a_reload_and_the_report_draws_its_chart() => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "supervisor");
        await SignIn(page, "supervisor");
        await IsOn(page, "/supervisor"); // where supervisors land; the live panel is on /wallboard too
        await LiveConnectionIsUp(page);
        await page.EvaluateAsync("() => window.__sameDocument = true");
        var offered = page.Locator("#live-kpis-rows tr[data-queue='service'][data-window='today'] td[data-k='offered']");
        var before = int.Parse(await offered.InnerTextAsync());

        // A caller rings the service line and hangs up at once.
        using var telephony = new HttpClient { BaseAddress = shared.WebB.BaseAddress };
        telephony.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        var callId = $"sim-{Guid.NewGuid():N}";
        await Post(telephony, "/api/cti/calls", new { callId, caller = "13812349999", dialled = "037112345", trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");
        await Post(telephony, $"/api/cti/calls/{callId}/hangup", new { leg = "caller", cause = "caller-abandoned" }, $"hangup-{callId}");

        await Expect(offered).ToHaveTextAsync((before + 1).ToString());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the supervisor seat reloaded instead of taking the push");

        // The panel's link leads to the report: a table with a total row and the ECharts chart drawn.
        await page.Locator("#call-reports-link").ClickAsync();
        await IsOn(page, "/reports/calls");
        await Expect(page.Locator("#call-report tfoot tr.total")).ToHaveCountAsync(1);
        await Expect(page.Locator("#call-chart[data-drawn='true'] canvas")).ToHaveCountAsync(1);
        await page.Locator("#by").SelectOptionAsync("hour");
        await page.Locator("#show-report").ClickAsync();
        await Expect(page.Locator("#csv-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("by=hour.*format=csv"));
        Assert.Empty(session.ScriptErrors(page));
    });

    private static async Task Post(HttpClient client, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
