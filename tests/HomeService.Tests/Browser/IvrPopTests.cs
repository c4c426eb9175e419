using System.Net;
using System.Net.Http.Json;
using HomeService.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>The agent console's screen pop shows the caller's way through the platform IVR.</summary>
public sealed class IvrPopTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task The_pop_shows_the_path_the_caller_took_through_the_ivr() => InBrowser(async session =>
    {
        // agent4 (A004) is the complaints specialist and the only agent ready, so the complaint rings at their seat.
        var page = await AgentReadyAtConsole(session, Web, "agent4");

        // The caller looks at the consultation menu, goes back, and chooses a complaint.
        using var telephony = new HttpClient { BaseAddress = Web.BaseAddress };
        telephony.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        var callId = $"ivr-{Guid.NewGuid():N}";
        await Send(telephony, "/api/cti/calls", new { callId, caller = "13912345000", dialled = "037112345", trunk = "T1" }, $"offer-{callId}");
        foreach (var (digits, n) in new[] { ("1", 1), ("9", 2), ("3", 3) })
            await Send(telephony, $"/api/cti/calls/{callId}/dtmf", new { digits }, $"dtmf-{callId}-{n}");

        await Expect(page.Locator("#call-panel")).ToHaveAttributeAsync("data-call-id", callId);
        await Expect(page.Locator("#call-ivr")).ToContainTextAsync("主菜单 → 1 咨询 → 9 返回上级菜单 → 3 投诉及建议");
    });

    private static async Task Send(HttpClient telephony, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await telephony.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
