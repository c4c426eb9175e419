using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// A partner's developer opens /api/docs: a readable reference of our operations, drawn from /openapi/v1.json, with
/// every script, style sheet and font coming from our own host; from there the guide (/developers) is one click away.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class ApiDocsBrowserTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task A_developer_reads_the_api_reference_served_from_our_host_and_finds_the_guide() => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "developer");
        var requests = new List<string>();
        page.Request += (_, r) => { lock (requests) requests.Add(r.Url); };

        // The first request of a fresh host builds the OpenAPI document, which can take long on a loaded machine.
        Assert.Equal(200, (await page.APIRequest.GetAsync("/openapi/v1.json", new() { Timeout = 120_000 })).Status);
        await Go(page, "/api/docs");
        // The operations of the partner API are listed, each with its method and path.
        var create = page.Locator(".opblock.opblock-post", new() { Has = page.Locator("[data-path='/api/partner/orders']") });
        await Expect(create.First).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Expect(page.Locator(".opblock-tag", new() { HasText = "Partner API" })).ToBeVisibleAsync();
        Assert.True(await page.Locator(".opblock").CountAsync() > 50);
        await Loaded(page);

        var host = shared.WebA.BaseAddress.Authority;
        string[] seen;
        lock (requests) seen = requests.ToArray();
        Assert.Contains(seen, u => u.EndsWith("/openapi/v1.json"));
        Assert.All(seen, u => Assert.True(u.StartsWith("data:") || new Uri(u).Authority == host, $"{u} is not on {host}"));
        Assert.Empty(session.ScriptErrors(page));

        // The guide is linked from the reference's description (Swagger UI opens description links in a new tab).
        var opened = page.Context.WaitForPageAsync();
        await page.Locator(".information-container a[href='/developers']").ClickAsync();
        page = await opened;
        await IsOn(page, "/developers");
        await Expect(page.Locator("h1#page-title")).ToHaveTextAsync("合作方接入指南");
        await Expect(page.Locator("#guide-idempotency")).ToContainTextAsync("Idempotency-Key");
        await Expect(page.Locator("#example-signature")).ToHaveTextAsync(HomeService.Web.Pages.ApiGuideModel.ExampleSignature);
        await page.Locator("#api-reference-link").ClickAsync();
        await Expect(page.Locator(".opblock").First).ToBeVisibleAsync();
    });

    [Fact]
    public async Task The_api_reference_loads_the_request_token_script_before_swagger_ui()
    {
        using var anonymous = WebSession.Anonymous(shared.WebA);
        var html = await anonymous.Http.GetStringAsync("/api/docs/index.html");
        var script = System.Text.RegularExpressions.Regex.Match(html, $"<script src=[\"']{HomeService.Web.Auth.RequestToken.Script}[\"']");
        Assert.True(script.Success, "the reference does not load request-token.js");
        var token = script.Index;
        Assert.True(token < html.IndexOf("swagger-ui-bundle.js", StringComparison.Ordinal), "request-token.js must wrap fetch before Swagger UI runs");
    }

    /// <summary>
    /// "Try it out" by a person signed in with the cookie: the write carries X-Request-Token, so the API does it (without
    /// the header it was refused as a forged request). Signing out is the write: harmless and the session's own.
    /// </summary>
    [Fact]
    public Task Try_it_out_signed_in_by_cookie_sends_the_request_token_and_the_write_is_done() => InBrowser(async session =>
    {
        var page = await session.Open(shared.WebA, "developer");
        await SignIn(page, "supervisor");
        await IsOn(page, "/supervisor");
        Assert.Equal(200, (await page.APIRequest.GetAsync("/openapi/v1.json", new() { Timeout = 120_000 })).Status);
        await Go(page, "/api/docs");

        var signOut = page.Locator(".opblock.opblock-delete", new() { Has = page.Locator("[data-path^='/api/session']") }).First;
        await Expect(signOut).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await signOut.Locator(".opblock-summary").ClickAsync();
        await signOut.Locator(".try-out__btn").ClickAsync();
        var answer = page.WaitForResponseAsync(r => r.Request.Method == "DELETE" && new Uri(r.Url).AbsolutePath.TrimEnd('/') == "/api/session");
        await signOut.Locator(".btn.execute").ClickAsync();
        var response = await answer;

        Assert.NotNull(await response.Request.HeaderValueAsync(HomeService.Web.Auth.RequestToken.Header));
        Assert.Equal(204, response.Status);
        Assert.Empty(session.ScriptErrors(page));
    });
}
