using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Web;

/// <summary>
/// Cross-site request forgery: a write that the sign-in cookie authenticates is refused without the page's antiforgery
/// token (X-Request-Token), whatever its body (JSON, multipart, none), with a problem in the caller's language and no
/// change; with the token it goes through. API-key callers and sign-in need no token.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class RequestTokenTests(SharedDeployment shared)
{
    private static object Profile(string name) => new
    {
        name, addresses = new[] { new { label = "家", district = "金水区", address = "花园路 8 号院 3 号楼 2 单元 501" } },
        preferences = new { sms = true, inApp = true },
    };

    [Fact]
    public async Task A_cookie_write_without_the_token_is_refused_in_english_and_changes_nothing_and_with_it_goes_through()
    {
        using var resident = await WebSession.SignIn(shared.WebA, "resident");
        Assert.NotNull(resident.RequestTokenValue); // sign-in hands the scripts their token
        resident.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var before = (await resident.Http.GetFromJsonAsync<JsonElement>("/api/member/profile")).GetProperty("name").GetString();

        resident.SendsRequestToken = false;
        var forged = await resident.Http.PutAsJsonAsync("/api/member/profile", Profile("伪造的名字"));
        var problem = await AssertRefused(forged);
        Assert.StartsWith("This change was not made", problem.GetProperty("title").GetString());
        Assert.Equal(before, (await resident.Http.GetFromJsonAsync<JsonElement>("/api/member/profile")).GetProperty("name").GetString());

        // A token of another session is no better than none.
        using var other = await WebSession.SignIn(shared.WebA, "resident");
        using var stolen = new HttpRequestMessage(HttpMethod.Put, "/api/member/profile") { Content = JsonContent.Create(Profile("伪造的名字")) };
        stolen.Headers.Add(HomeService.Web.Auth.RequestToken.Header, other.RequestTokenValue);
        await AssertRefused(await resident.Http.SendAsync(stolen));

        resident.SendsRequestToken = true;
        try
        {
            var saved = await resident.Http.PutAsJsonAsync("/api/member/profile", Profile("张女士（令牌）"));
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("张女士（令牌）", (await resident.Http.GetFromJsonAsync<JsonElement>("/api/member/profile")).GetProperty("name").GetString());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await resident.Http.PutAsJsonAsync("/api/member/profile", Profile(before!))).StatusCode);
        }
    }

    [Fact]
    public async Task An_upload_and_a_body_less_sign_out_need_the_token_too_and_the_refusal_is_in_chinese()
    {
        using var merchant = await WebSession.SignIn(shared.WebA, "merchant1");
        merchant.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        merchant.SendsRequestToken = false;

        using var upload = new MultipartFormDataContent { { new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]), "file", "me.jpg" } };
        var problem = await AssertRefused(await merchant.Http.PostAsync("/api/merchant/workers/W001/photo", upload));
        Assert.StartsWith("未执行此操作：", problem.GetProperty("title").GetString());

        await AssertRefused(await merchant.Http.DeleteAsync("/api/session"));
        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.GetAsync("/api/me")).StatusCode); // still signed in

        merchant.SendsRequestToken = true;
        Assert.Equal(HttpStatusCode.NoContent, (await merchant.Http.DeleteAsync("/api/session")).StatusCode);
        Assert.Null(merchant.RequestTokenValue); // the departed account's token leaves with it
    }

    [Fact]
    public async Task A_partner_key_writes_without_a_token()
    {
        using var partner = new HttpClient { BaseAddress = shared.WebA.BaseAddress };
        partner.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.PartnerKey);
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/partner/orders")
        {
            Content = JsonContent.Create(new
            {
                contactName = "物业转单", contactPhone = "13577778801", category = "drain", address = "中原区建设路 99 号", district = "中原区",
                windowStart = DateTimeOffset.UtcNow.AddHours(1), windowEnd = DateTimeOffset.UtcNow.AddHours(5),
            }),
            Headers = { { "Idempotency-Key", $"request-token-{Guid.NewGuid():N}" } },
        };
        var created = await partner.SendAsync(create);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:homeservice:problem:request-token", problem.GetProperty("type").GetString());
        return problem;
    }
}
