using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HomeService.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// 接口密钥 in a real browser: the admin issues a partner key, sees the whole key once with the note to copy it now, and the
/// partner's system gets in with it; then the admin rotates it and revokes the new one, each on the same page.
/// </summary>
public sealed class AdminKeysBrowserTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task The_admin_issues_a_partner_key_sees_it_once_and_the_partner_uses_it() => InBrowser(async session =>
    {
        var page = await session.Open(Web, "admin");
        await SignIn(page, "admin");
        await IsOn(page, "/admin");
        await page.Locator("#admin-menu a[data-section='keys']").ClickAsync();
        await IsOn(page, "/admin/keys");
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("接口密钥");

        // A partner key without its partner id is refused next to the field, in Chinese, and nothing is issued.
        var form = page.Locator("#issue-form");
        await form.Locator("#issue-name").FillAsync("好邻居家政平台");
        await form.Locator("input[name='Kind'][value='partner']").CheckAsync();
        await form.Locator("#issue-submit").ClickAsync();
        await Expect(page.Locator("#issue-form .field-error[data-field='partnerId']")).ToHaveTextAsync("请填写合作方编号。");
        await Expect(page.Locator("#new-key-panel")).ToHaveCountAsync(0);
        await Expect(page.Locator("#issue-name")).ToHaveValueAsync("好邻居家政平台");

        // With it, the whole key is shown once, with the note to copy it now.
        await page.Locator("#issue-partner").FillAsync("haolinju");
        await page.Locator("#issue-submit").ClickAsync();
        await Expect(page.Locator("#new-key-panel")).ToContainTextAsync("完整密钥只显示这一次");
        var key = await page.Locator("#new-key").InputValueAsync();
        Assert.Matches(@"^k[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$", key);
        var keyId = key[..key.IndexOf('.')];
        var detail = page.Locator("#key-detail");
        await Expect(detail).ToHaveAttributeAsync("data-key", keyId);
        await Expect(page.Locator("#key-state")).ToHaveTextAsync("有效");
        await Expect(page.Locator("#key-partner")).ToHaveTextAsync("haolinju");
        await Expect(page.Locator("#key-last-used")).ToHaveTextAsync("尚未使用");
        await Expect(page.Locator($"#keys tr[data-key='{keyId}']")).ToContainTextAsync("好邻居家政平台");

        // The partner's system gets in with it and speaks for its partner.
        using var partner = Partner(key);
        var whoami = await partner.GetFromJsonAsync<JsonElement>("/api/keys/whoami");
        Assert.Equal("haolinju", whoami.GetProperty("partnerId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/partner/orders")).StatusCode);

        // Opened again, the page shows the key's use but never the key itself.
        await page.Locator($"#keys tr[data-key='{keyId}'] a.key-manage").ClickAsync();
        await Expect(detail).ToHaveAttributeAsync("data-key", keyId);
        await Expect(page.Locator("#new-key-panel")).ToHaveCountAsync(0);
        await Expect(page.Locator("#key-last-used")).Not.ToHaveTextAsync("尚未使用");
        Assert.DoesNotContain(key[(keyId.Length + 1)..], await page.ContentAsync());

        // Rotated with a day's overlap: a new key, shown once; the old one keeps working and is marked as expiring.
        await page.Locator("#rotate-overlap").SelectOptionAsync("1440");
        await page.Locator("#rotate-submit").ClickAsync();
        await Expect(page.Locator("#new-key-panel")).ToBeVisibleAsync();
        var newKey = await page.Locator("#new-key").InputValueAsync();
        Assert.NotEqual(key, newKey);
        var newId = newKey[..newKey.IndexOf('.')];
        await Expect(detail).ToHaveAttributeAsync("data-key", newId);
        await Expect(page.Locator($"#keys tr[data-key='{keyId}']")).ToHaveAttributeAsync("data-state", "expiring");
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/keys/whoami")).StatusCode);
        using var rotated = Partner(newKey);
        Assert.Equal(HttpStatusCode.OK, (await rotated.GetAsync("/api/keys/whoami")).StatusCode);

        // Revoked with a reason: refused from then on.
        await page.Locator("#revoke-submit").ClickAsync();
        await Expect(page.Locator("#revoke-form .field-error[data-field='reason']")).ToHaveTextAsync("请填写吊销原因。");
        await page.Locator("#revoke-reason").FillAsync("合作方更换了对接系统");
        await page.Locator("#revoke-submit").ClickAsync();
        await Expect(page.Locator("#keys-done")).ToBeVisibleAsync();
        await Expect(page.Locator("#key-state")).ToHaveTextAsync("已吊销");
        await Expect(page.Locator("#key-revoked-reason")).ToHaveTextAsync("合作方更换了对接系统");
        await Expect(page.Locator("#revoke-form")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rotated.GetAsync("/api/keys/whoami")).StatusCode);

        // The list filters by state on the server.
        await Go(page, "/admin/keys?state=revoked");
        await Expect(page.Locator("#keys tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#keys tbody tr")).ToHaveAttributeAsync("data-key", new Regex($"^{newId}$"));

        // In English, the same page in English words.
        var english = await session.Open(Web, "admin (English)", locale: "en");
        await SignIn(english, "admin");
        await IsOn(english, "/admin");
        await Go(english, $"/admin/keys?key={newId}");
        await Expect(english.Locator("#page-title")).ToHaveTextAsync("API keys");
        await Expect(english.Locator("#key-state")).ToHaveTextAsync("Revoked");
        await Expect(english.Locator($"#keys tr[data-key='{keyId}'] .badge")).ToHaveTextAsync("Expiring");
    });

    private HttpClient Partner(string key) => new() { BaseAddress = Web.BaseAddress, DefaultRequestHeaders = { { "X-Api-Key", key } } };
}
