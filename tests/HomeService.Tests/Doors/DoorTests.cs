using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Doors;

/// <summary>A deployment whose anonymous doors let only a few requests from one address through.</summary>
public sealed class LowLimitDeployment : IAsyncLifetime
{
    public const int Callbacks = 2, Codes = 2, Uploads = 2, SignIns = 3;

    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb Web => Deployment.WebHosts[0];

    public async Task InitializeAsync() => Deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new()
    {
        ["HomeService:Security:CallbackRequestsPerAddress"] = Callbacks.ToString(),
        ["HomeService:Security:CodeRequestsPerAddress"] = Codes.ToString(),
        ["HomeService:Security:DocumentUploadsPerAddress"] = Uploads.ToString(),
        ["HomeService:Security:LoginAttemptsPerAddress"] = SignIns.ToString(),
    });

    public async Task DisposeAsync() => await Deployment.DisposeAsync();
}

/// <summary>
/// The anonymous doors (free callback, verification codes, merchant documents, sign-in) each let one address through
/// only so often; past that the answer is 429 with Retry-After, a problem in the asker's language from the API, and the
/// form with the message on a page. A forged X-Forwarded-For from a client that is no configured proxy changes nothing.
/// </summary>
public sealed class DoorTests(LowLimitDeployment fixture) : IClassFixture<LowLimitDeployment>
{
    private RunningWeb Web => fixture.Web;

    [Fact]
    public async Task The_callback_form_takes_a_few_numbers_from_one_address_then_shows_the_refusal_on_the_page()
    {
        using var session = WebSession.Anonymous(Web, "zh-CN");
        // Every post counts, whatever its answer: these come without a code and are shown the form again, asking for it.
        for (var i = 0; i < LowLimitDeployment.Callbacks; i++)
        {
            var answer = await (await CallbackForm.Open(session)).Submit($"1395555300{i}");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("请填写短信验证码", await answer.Content.ReadAsStringAsync());
        }

        var refused = await (await CallbackForm.Open(session)).Submit("13955553009");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"callback-form\"", page);
        Assert.Contains("您所在网络提交的回呼请求过多", page);
        Assert.Equal(0L, await fixture.Deployment.Scalar<long>("SELECT count(*) FROM call_record WHERE caller = '13955553009'"));
        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/callback")).StatusCode);
    }

    [Fact]
    public async Task Verification_codes_are_refused_past_the_addresss_limit_with_a_problem_in_english()
    {
        using var session = WebSession.Anonymous(Web, "en");
        for (var i = 0; i < LowLimitDeployment.Codes; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await session.Http.PostAsJsonAsync("/api/member/verification-codes", new { phone = "12", purpose = "register" })).StatusCode);

        var refused = await session.Http.PostAsJsonAsync("/api/member/verification-codes", new { phone = "13955554000", purpose = "register" });
        var problem = await AssertRateLimited(refused);
        Assert.StartsWith("Too many verification codes asked for from your network", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("retryAfterSeconds").GetInt32() > 0);
    }

    [Fact]
    public async Task Merchant_document_uploads_are_refused_past_the_addresss_limit_with_a_problem_in_chinese()
    {
        using var session = WebSession.Anonymous(Web, "zh-CN");
        for (var i = 0; i < LowLimitDeployment.Uploads; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await session.Http.PostAsync("/api/merchant-applications/documents", NotADocument())).StatusCode);

        var problem = await AssertRateLimited(await session.Http.PostAsync("/api/merchant-applications/documents", NotADocument()));
        Assert.StartsWith("您所在网络上传的文件过多", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_forged_forwarded_address_from_the_loopback_does_not_get_past_the_sign_in_limit_of_api_and_page()
    {
        using var session = WebSession.Anonymous(Web, "zh-CN");
        for (var i = 0; i < LowLimitDeployment.SignIns; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(session, i)).StatusCode);
        // A fresh X-Forwarded-For on every attempt would be a fresh client, were the header believed from anyone.
        await AssertRateLimited(await SignIn(session, 99));

        // The sign-in page counts with the API: the same address is refused there too, on the form.
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await session.AntiforgeryToken("/login"), ["Login"] = "nobody-page", ["Password"] = "guess",
        });
        var page = await session.Http.PostAsync("/login", form);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        AssertRetryAfter(page);
        Assert.Contains("您所在网络的登录尝试过多", await page.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> SignIn(WebSession session, int attempt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/session")
        {
            Content = JsonContent.Create(new { login = $"nobody{attempt}", password = "guess" }),
        };
        request.Headers.Add("X-Forwarded-For", $"203.0.113.{attempt + 1}");
        return session.Http.SendAsync(request);
    }

    private static MultipartFormDataContent NotADocument()
    {
        var body = new MultipartFormDataContent();
        body.Add(new ByteArrayContent("not a scan"u8.ToArray()), "file", "note.txt");
        return body;
    }

    private static async Task<JsonElement> AssertRateLimited(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        AssertRetryAfter(response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:homeservice:problem:rate-limited", problem.GetProperty("type").GetString());
        return problem;
    }

    private static void AssertRetryAfter(HttpResponseMessage response) =>
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"Retry-After: {response.Headers.RetryAfter}");
}
